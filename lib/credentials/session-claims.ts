import "server-only";
import { randomBytes } from "node:crypto";
import { accessKeyKey, accountKey, keyedHash } from "@/lib/db/account-key";
import type { PgDatabase, Queryable } from "@/lib/db/postgres";
import type { Session } from "./vault";

/**
 * Live credential sessions counted across instances (DATABASE_URL): each instance claims a
 * row per session it holds (./session-claims-schema.ts: hashes only, never an id or a key) and
 * keeps a heartbeat; a claim counts while its session is unexpired and its instance's heartbeat
 * is younger than LAPSE_MS, so a dead instance's sessions stop counting within ~30 s and the
 * next heartbeat of any live instance deletes them.
 *
 * Every heartbeat also states this instance's claims afresh (re-inserting any a sweep took while
 * this instance looked dead, deleting those released since the last beat, in case a release
 * did not reach the database), so a database hiccup leaves the table right again within one
 * beat. A beat deletes only what was released, never "whatever it did not know of": a claim
 * made while the beat runs is not its to take.
 *
 * Time is this instance's clock (injectable for tests); instances need clocks in step to
 * well under the 20 s between a missed beat and the lapse (NTP is plenty).
 */

export const HEARTBEAT_MS = 10_000;
export const LAPSE_MS = 30_000;

type Claim = { sessionHash: string; accountKey: string; accessKeyHash: string; expiresAt: number };

export type ClaimOutcome = "claimed" | "account-full" | "unavailable";

/**
 * Keyed, like every other hash PostgreSQL holds. Rows an older version wrote (plain sha256)
 * belong to that version's instances, whose ids a new process never takes (random per
 * process): they go with those instances (withdraw, or their heartbeat lapsing).
 */
const sessionHash = (id: string) => keyedHash("session", id);

const LIVE = `c.expires_at > $2 AND c.instance_id IN (SELECT instance_id FROM session_instances WHERE heartbeat_at > $3)`;

export class SessionClaims {
  readonly instanceId: string;
  private readonly now: () => number;
  /** This instance's claims the database should hold (written or not yet: see `beat`). */
  private readonly mine = new Map<string, Claim>();
  /**
   * Released claims the next beat deletes again: a release that did not reach the database,
   * or that a beat running meanwhile wrote back. Cleared by the beat that deleted them.
   */
  private readonly released = new Set<string>();
  /** Releases on their way to the database (the vault's end hook does not wait for them). */
  private readonly releasing = new Set<Promise<unknown>>();

  constructor(
    private readonly db: PgDatabase,
    opts: { instanceId?: string; now?: () => number } = {},
  ) {
    this.instanceId = opts.instanceId ?? randomBytes(12).toString("base64url");
    this.now = opts.now ?? Date.now;
  }

  private liveSince(): [number, number] {
    const now = this.now();
    return [now, now - LAPSE_MS];
  }

  /** Live sessions made from this access key id on every instance; undefined when the database is out of reach. */
  async withAccessKey(accessKeyId: string): Promise<number | undefined> {
    try {
      const { rows } = await this.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM session_claims c WHERE c.access_key_hash = $1 AND ${LIVE}`,
        [accessKeyKey(accessKeyId), ...this.liveSince()],
      );
      return rows[0].n;
    } catch {
      return undefined;
    }
  }

  /**
   * Claims a place for `session` unless its account already has `perAccount` live sessions on
   * all instances together. One claim per account at a time (an advisory lock on the account
   * key), so two instances cannot both take the last place. `replaces`: this browser's previous
   * session on this instance, which goes first and never counts twice. "unavailable": the
   * database is out of reach; the caller falls back to this instance's own count, and the
   * claim is written by the next beat that reaches the database.
   */
  async claim(session: Session, perAccount: number, replaces?: string): Promise<ClaimOutcome> {
    const claim: Claim = {
      sessionHash: sessionHash(session.id),
      accountKey: accountKey(session.identity.accountId),
      accessKeyHash: accessKeyKey(session.keys.accessKeyId),
      expiresAt: session.expiresAt,
    };
    this.released.delete(claim.sessionHash);
    try {
      const taken = await this.db.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`hajime.session-claims:${claim.accountKey}`]);
        const [now, since] = this.liveSince();
        await this.upsertInstance(tx, now);
        if (replaces) {
          await tx.query("DELETE FROM session_claims WHERE session_hash = $1 AND instance_id = $2", [sessionHash(replaces), this.instanceId]);
        }
        const { rows } = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM session_claims c WHERE c.account_key = $1 AND ${LIVE}`,
          [claim.accountKey, now, since],
        );
        if (rows[0].n >= perAccount) return false;
        await tx.query(
          `INSERT INTO session_claims (session_hash, instance_id, account_key, access_key_hash, expires_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (session_hash) DO NOTHING`,
          [claim.sessionHash, this.instanceId, claim.accountKey, claim.accessKeyHash, claim.expiresAt],
        );
        return true;
      });
      if (!taken) return "account-full";
      this.mine.set(claim.sessionHash, claim);
      return "claimed";
    } catch {
      this.mine.set(claim.sessionHash, claim);
      return "unavailable";
    }
  }

  /** The session ended (any reason): its place is free at once on every instance. */
  async release(sessionId: string): Promise<void> {
    const hash = sessionHash(sessionId);
    if (!this.mine.delete(hash)) return;
    this.released.add(hash);
    const done: Promise<unknown> = this.db
      .query("DELETE FROM session_claims WHERE session_hash = $1 AND instance_id = $2", [hash, this.instanceId])
      // Not reached: the next beat deletes it (`released`).
      .catch(() => undefined)
      .finally(() => this.releasing.delete(done));
    this.releasing.add(done);
    await done;
  }

  /** Resolves when every release started so far has reached the database (or failed to). */
  async settled(): Promise<void> {
    await Promise.all(this.releasing);
  }

  /**
   * The heartbeat: this instance is alive and holds exactly its claims; instances whose
   * heartbeat lapsed are removed with their claims, and expired claims go.
   */
  async beat(): Promise<void> {
    const [now, since] = this.liveSince();
    const claims = [...this.mine.values()].filter((c) => c.expiresAt > now);
    let gone: string[] = [];
    await this.db.transaction(async (tx) => {
      await this.upsertInstance(tx, now);
      await tx.query(
        `INSERT INTO session_claims (session_hash, instance_id, account_key, access_key_hash, expires_at)
         SELECT h, $1, a, k, e FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS t (h, a, k, e)
         ON CONFLICT (session_hash) DO NOTHING`,
        [
          this.instanceId,
          claims.map((c) => c.sessionHash),
          claims.map((c) => c.accountKey),
          claims.map((c) => c.accessKeyHash),
          claims.map((c) => c.expiresAt),
        ],
      );
      // Read after the insert: a session that ended since `claims` was read is deleted here too.
      gone = [...this.released];
      if (gone.length > 0) {
        await tx.query("DELETE FROM session_claims WHERE instance_id = $1 AND session_hash = ANY($2::text[])", [this.instanceId, gone]);
      }
      await tx.query("DELETE FROM session_instances WHERE heartbeat_at <= $1", [since]);
      await tx.query("DELETE FROM session_claims WHERE expires_at <= $1", [now]);
    });
    for (const hash of gone) this.released.delete(hash);
  }

  /** This instance stops (shutdown): its claims go now rather than when its heartbeat lapses. */
  async withdraw(): Promise<void> {
    this.mine.clear();
    this.released.clear();
    await this.db.query("DELETE FROM session_instances WHERE instance_id = $1", [this.instanceId]);
  }

  private async upsertInstance(tx: Queryable, now: number): Promise<void> {
    await tx.query(
      `INSERT INTO session_instances (instance_id, heartbeat_at) VALUES ($1, $2)
       ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = GREATEST(session_instances.heartbeat_at, EXCLUDED.heartbeat_at)`,
      [this.instanceId, now],
    );
  }
}
