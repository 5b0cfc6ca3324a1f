import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accessKeyKey, keyedHash } from "@/lib/db/account-key";
import { postgresDatabase, type PgDatabase } from "@/lib/db/postgres";
import { LAPSE_MS, SessionClaims } from "@/lib/credentials/session-claims";
import { SESSIONS_PG_MIGRATIONS } from "@/lib/credentials/session-claims-schema";
import { keepSession, sessionsFromAccessKey } from "@/lib/credentials/session-places";
import { forgetSession, getSession, onSessionEnd, sessionCount } from "@/lib/credentials/vault";
import { testSession } from "../support/session";
import { freshDatabase } from "./fresh-database";

// Two "instances" in one process: two claim registries (their own instance ids) over one
// database, on one clock the tests move by hand.
let db: PgDatabase;
let now: number;
const clock = () => now;
let a: SessionClaims;
let b: SessionClaims;
const limits = { total: 1_000, perAccount: 3 };
let account = 100000000000;
/** A new AWS account id per test, so tests share no account. */
const newAccount = () => String(++account);

beforeAll(async () => {
  process.env.HAJIME_ACCOUNT_KEY = randomBytes(32).toString("base64");
  db = postgresDatabase(await freshDatabase(), SESSIONS_PG_MIGRATIONS);
});

let run = 0;
beforeEach(() => {
  now = Date.now();
  run++;
  a = new SessionClaims(db, { instanceId: `a${run}`, now: clock });
  b = new SessionClaims(db, { instanceId: `b${run}`, now: clock });
});

afterAll(async () => {
  await db.pool.end();
});

/**
 * `db` with two hooks for driving a heartbeat's steps apart: a statement that fails once
 * (the database out of reach for it), and work done just before the next transaction starts.
 */
function hooked(inner: PgDatabase) {
  let failing: RegExp | undefined;
  let before: (() => Promise<unknown>) | undefined;
  const db: PgDatabase = {
    pool: inner.pool,
    ready: () => inner.ready(),
    query: (text, params) => {
      if (failing?.test(text)) {
        failing = undefined;
        return Promise.reject(new Error("connection terminated"));
      }
      return inner.query(text, params);
    },
    transaction: async (fn) => {
      const hook = before;
      before = undefined;
      await hook?.();
      return inner.transaction(fn);
    },
  };
  return {
    db,
    failNext: (statement: RegExp) => void (failing = statement),
    beforeNextTransaction: (fn: () => Promise<unknown>) => void (before = fn),
  };
}

async function rows(): Promise<Record<string, unknown>[]> {
  return (await db.query("SELECT * FROM session_claims ORDER BY session_hash")).rows;
}

describe("session claims shared by two instances", () => {
  it("share the per-account cap and the access-key pre-check", async () => {
    const id = newAccount();
    expect(await a.claim(testSession(id), 3)).toBe("claimed");
    expect(await a.claim(testSession(id), 3)).toBe("claimed");
    expect(await b.claim(testSession(id), 3)).toBe("claimed");
    // The account holds three places across A and B: neither instance gives a fourth.
    expect(await a.claim(testSession(id), 3)).toBe("account-full");
    expect(await b.claim(testSession(id), 3)).toBe("account-full");
    expect(await a.withAccessKey(`ASIA${id}`)).toBe(3);
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(3);
    expect(await sessionsFromAccessKey(`ASIA${id}`, b)).toBe(3);
    // Another account is not affected.
    expect(await b.claim(testSession(newAccount()), 3)).toBe("claimed");
  });

  it("hold no id, key or account in the database: hashes only", async () => {
    const session = testSession(newAccount());
    await a.claim(session, 3);
    const text = JSON.stringify(await rows());
    for (const secret of [session.id, session.keys.accessKeyId, session.identity.accountId, session.keys.secretAccessKey]) {
      expect(text).not.toContain(secret);
    }
  });

  it("instances racing for an account's last place: one gets it", async () => {
    const id = newAccount();
    await a.claim(testSession(id), 3);
    await b.claim(testSession(id), 3);
    // Five more instances at once (each on its own instance row, so only the account's lock orders them).
    const others = [1, 2, 3, 4, 5].map((i) => new SessionClaims(db, { instanceId: `${a.instanceId}-${i}`, now: clock }));
    // Connections open beforehand, so the five transactions overlap rather than queue for a connection.
    await Promise.all(others.map(() => db.query("SELECT pg_sleep(0.05)")));
    const outcomes = await Promise.all(others.map((c) => c.claim(testSession(id), 3)));
    expect(outcomes.sort()).toEqual(["account-full", "account-full", "account-full", "account-full", "claimed"]);
  });

  it("a session ending frees its place on every instance, whatever ends it", async () => {
    const stop = onSessionEnd((id) => void a.release(id));
    try {
      const id = newAccount();
      const keep = (s = testSession(id), replaces?: string) => keepSession(s, limits, replaces, a);
      const [s1, s2, s3] = [testSession(id), testSession(id), testSession(id)];
      for (const s of [s1, s2, s3]) expect(await keep(s)).toBeUndefined();
      expect(await b.claim(testSession(id), 3)).toBe("account-full");

      forgetSession(s1.id, "signed-out");
      await a.settled();
      expect(await b.withAccessKey(`ASIA${id}`)).toBe(2);

      forgetSession(s2.id, "invalid"); // AWS said the keys are dead (lib/actions/session-action.ts)
      await a.settled();
      expect(await b.withAccessKey(`ASIA${id}`)).toBe(1);

      // A new paste from the browser holding s3 replaces it: the account still holds one place.
      const s4 = testSession(id);
      expect(await keep(s4, s3.id)).toBeUndefined();
      await a.settled();
      expect(getSession(s3.id)).toBeUndefined();
      expect(await b.withAccessKey(`ASIA${id}`)).toBe(1);

      // The vault finding a session expired (its timer, or a request after the expiry).
      const expired = { ...testSession(id), expiresAt: Date.now() - 1 };
      expect(await keep(expired)).toBeUndefined();
      expect(getSession(expired.id)).toBeUndefined();
      forgetSession(s4.id, "expired");
      await a.settled();
      // Not only uncounted: gone.
      const left = await db.query("SELECT 1 FROM session_claims WHERE access_key_hash = $1", [accessKeyKey(`ASIA${id}`)]);
      expect(left.rowCount).toBe(0);
    } finally {
      stop();
    }
  });

  it("a dead instance's claims stop counting once its heartbeat lapses, and are swept", async () => {
    const id = newAccount();
    for (let i = 0; i < 3; i++) expect(await a.claim(testSession(id), 3)).toBe("claimed");
    await b.beat();
    now += LAPSE_MS - 1_000;
    await b.beat();
    expect(await b.claim(testSession(id), 3)).toBe("account-full");

    // A beats no more (killed): past the lapse B counts none of its claims, before any sweep.
    now += 2_000;
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(0);
    expect(await b.claim(testSession(id), 3)).toBe("claimed");
    await b.beat();
    const left = await db.query<{ instance_id: string }>("SELECT instance_id FROM session_claims");
    expect(left.rows.map((r) => r.instance_id)).not.toContain(a.instanceId);
    expect((await db.query("SELECT 1 FROM session_instances WHERE instance_id = $1", [a.instanceId])).rowCount).toBe(0);
  });

  it("an instance that only looked dead states its claims again at its next beat", async () => {
    const id = newAccount();
    await a.claim(testSession(id), 3);
    await a.claim(testSession(id), 3);
    now += LAPSE_MS + 1_000;
    await b.beat(); // sweeps A
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(0);
    await a.beat();
    // Its sessions are alive in its memory, so they count again.
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(2);
  });

  it("a beat deletes a claim whose release never reached the database, and expired claims", async () => {
    const id = newAccount();
    const flaky = hooked(db);
    const c = new SessionClaims(flaky.db, { instanceId: `c${run}`, now: clock });
    const [kept, ended] = [testSession(id), testSession(id)];
    await c.claim(kept, 3);
    await c.claim(ended, 3);
    flaky.failNext(/^DELETE FROM session_claims WHERE session_hash/);
    await c.release(ended.id);
    await b.claim({ ...testSession(id), expiresAt: now + 1_000 }, 3);
    expect(await a.withAccessKey(`ASIA${id}`)).toBe(3);
    now += 2_000;
    await c.beat();
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(1);
    expect((await db.query("SELECT 1 FROM session_claims WHERE expires_at <= $1", [now])).rowCount).toBe(0);
  });

  it("a beat never deletes a claim made while it runs", async () => {
    const id = newAccount();
    const slow = hooked(db);
    const c = new SessionClaims(slow.db, { instanceId: `c${run}`, now: clock });
    expect(await c.claim(testSession(id), 3)).toBe("claimed");
    // The beat has read this instance's claims; a paste on this instance claims before the beat's transaction.
    slow.beforeNextTransaction(async () => {
      expect(await c.claim(testSession(id), 3)).toBe("claimed");
    });
    await c.beat();
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(2);
  });

  it("a beat does not bring back a claim released while it runs", async () => {
    const id = newAccount();
    const slow = hooked(db);
    const c = new SessionClaims(slow.db, { instanceId: `c${run}`, now: clock });
    const [kept, ended] = [testSession(id), testSession(id)];
    await c.claim(kept, 3);
    await c.claim(ended, 3);
    await db.query("DELETE FROM session_claims WHERE instance_id = $1", [c.instanceId]); // as a sweep while it looked dead
    // The beat has read this instance's claims (both); the session ends before its transaction re-inserts them.
    slow.beforeNextTransaction(() => c.release(ended.id));
    await c.beat();
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(1);
  });

  it("keeps a session's hash keyed, not a plain digest of its id", async () => {
    const session = testSession(newAccount());
    await a.claim(session, 3);
    const hashes = (await rows()).map((r) => r.session_hash);
    expect(hashes).toContain(keyedHash("session", session.id));
    expect(hashes).not.toContain(createHash("sha256").update(session.id).digest("base64url"));
  });

  it("an instance that stops withdraws its claims at once", async () => {
    const id = newAccount();
    await a.claim(testSession(id), 3);
    await a.claim(testSession(id), 3);
    await a.withdraw();
    expect(await b.withAccessKey(`ASIA${id}`)).toBe(0);
  });

  it("keepSession: the total stays this process's, and a refused session leaves no claim", async () => {
    const id = newAccount();
    const full = { total: sessionCount(), perAccount: 3 };
    expect(await keepSession(testSession(id), full, undefined, a)).toBe("full");
    expect(await a.withAccessKey(`ASIA${id}`)).toBe(0);
  });
});
