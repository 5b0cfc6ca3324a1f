import type Database from "better-sqlite3";
import { DEFAULT_WORKSHOP_ID, isWorkshopId, type StepId, type WorkshopId } from "@/workshops";
import {
  DEFAULT_MAX_ATTENDEES,
  DEFAULT_MAX_PER_ACCOUNT,
  DEFAULT_STUCK_MINUTES,
  nicknameKey,
  orderSteps,
  type BoardAttendee,
  type BoardSnapshot,
  type ClosingSummary,
  type RoomInfo,
  type RoomLanguage,
} from "./model";
import { checkpointAndTruncate } from "@/lib/db/connection";
import { hashSecret, newJoinCode, newSecret, secretMatches } from "./secrets";

/**
 * Rooms, attendees and progress in SQLite. Synchronous (better-sqlite3): each method is
 * one transaction, so two requests can never both take the last seat or one nickname.
 * Knows nothing about requests, cookies or events: callers publish what changed.
 */

type RoomRow = {
  id: number;
  code: string;
  title: string;
  date: string;
  language: string;
  workshop: string;
  steps: string;
  organizer_key_hash: string;
  max_attendees: number;
  max_per_account: number;
  stuck_minutes: number;
  locked: number;
  announcement: string | null;
  announced_at: number | null;
  created_at: number;
  started_at: number | null;
  exported_at: number | null;
  closed_at: number | null;
  closing_summary: string | null;
};

type AttendeeRow = { id: number; room_id: number; nickname: string; joined_at: number; account_key: string | null };

export type NewRoom = {
  title: string;
  date: string;
  language: RoomLanguage;
  /** The default workshop when not given. */
  workshop?: WorkshopId;
  steps: readonly StepId[];
  maxAttendees?: number;
  maxPerAccount?: number;
  stuckMinutes?: number;
};

export type JoinFailure = "no-room" | "closed" | "locked" | "full" | "nickname-taken" | "account-full";
export type JoinResult = { ok: true; attendee: BoardAttendee; token: string; room: RoomInfo } | { ok: false; reason: JoinFailure };

export type ExportRow = {
  nickname: string;
  joinedAt: number;
  done: Partial<Record<StepId, number>>;
};

function toInfo(r: RoomRow): RoomInfo {
  // A workshop no longer offered (removed from workshops/) shows as the default one.
  const workshop = isWorkshopId(r.workshop) ? r.workshop : DEFAULT_WORKSHOP_ID;
  return {
    code: r.code,
    title: r.title,
    date: r.date,
    language: r.language === "en" ? "en" : "ja",
    workshop,
    steps: orderSteps(workshop, JSON.parse(r.steps) as string[]),
    locked: r.locked === 1,
    announcement: r.announcement,
    announcedAt: r.announced_at,
    stuckMinutes: r.stuck_minutes,
    maxAttendees: r.max_attendees,
    maxPerAccount: r.max_per_account,
    createdAt: r.created_at,
    startedAt: r.started_at,
    closedAt: r.closed_at,
  };
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export class RoomStore {
  /** Statements prepared once per store (so per database): several run on every check and page. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {}

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private roomRow(code: string): RoomRow | undefined {
    return this.sql("SELECT * FROM rooms WHERE code = ?").get(code) as RoomRow | undefined;
  }

  createRoom(input: NewRoom): { room: RoomInfo; organizerKey: string } {
    const organizerKey = newSecret();
    const insert = this.sql(
      `INSERT INTO rooms (code, title, date, language, workshop, steps, organizer_key_hash, max_attendees, max_per_account, stuck_minutes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const workshop = input.workshop ?? DEFAULT_WORKSHOP_ID;
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newJoinCode();
      if (this.roomRow(code)) continue;
      insert.run(
        code,
        input.title,
        input.date,
        input.language,
        workshop,
        JSON.stringify(orderSteps(workshop, input.steps)),
        hashSecret(organizerKey),
        input.maxAttendees ?? DEFAULT_MAX_ATTENDEES,
        input.maxPerAccount ?? DEFAULT_MAX_PER_ACCOUNT,
        input.stuckMinutes ?? DEFAULT_STUCK_MINUTES,
        this.now(),
      );
      return { room: this.info(code)!, organizerKey };
    }
    throw new Error("could not find a free join code");
  }

  info(code: string): RoomInfo | undefined {
    const row = this.roomRow(code);
    return row && toInfo(row);
  }

  verifyOrganizer(code: string, key: string): boolean {
    const row = this.roomRow(code);
    return Boolean(row && secretMatches(key, row.organizer_key_hash));
  }

  attendeeCount(code: string): number {
    return (
      this.sql("SELECT count(*) AS n FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE r.code = ?").get(code) as {
        n: number;
      }
    ).n;
  }

  /**
   * Takes a seat for an attendee whose credentials STS accepted (`accountKey` is their
   * account's keyed hash): the room must be open, not full, the nickname free, and the
   * account below the room's per-account limit. One transaction, so two joins can never
   * both take the last seat.
   */
  join(code: string, nickname: string, accountKey: string): JoinResult {
    return this.db.transaction((): JoinResult => {
      const row = this.roomRow(code);
      if (!row) return { ok: false, reason: "no-room" };
      if (row.closed_at !== null) return { ok: false, reason: "closed" };
      if (row.locked) return { ok: false, reason: "locked" };
      const count = (this.sql("SELECT count(*) AS n FROM attendees WHERE room_id = ?").get(row.id) as { n: number }).n;
      if (count >= row.max_attendees) return { ok: false, reason: "full" };
      const key = nicknameKey(nickname);
      if (this.sql("SELECT 1 FROM attendees WHERE room_id = ? AND nickname_key = ?").get(row.id, key)) {
        return { ok: false, reason: "nickname-taken" };
      }
      const sameAccount = (
        this.sql("SELECT count(*) AS n FROM attendees WHERE room_id = ? AND account_key = ?").get(row.id, accountKey) as { n: number }
      ).n;
      if (sameAccount >= row.max_per_account) return { ok: false, reason: "account-full" };
      const token = newSecret();
      const joinedAt = this.now();
      const { lastInsertRowid } = this
        .sql("INSERT INTO attendees (room_id, nickname, nickname_key, token_hash, account_key, joined_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(row.id, nickname, key, hashSecret(token), accountKey, joinedAt);
      if (row.started_at === null) this.sql("UPDATE rooms SET started_at = ? WHERE id = ?").run(joinedAt, row.id);
      return {
        ok: true,
        token,
        attendee: { id: Number(lastInsertRowid), nickname, joinedAt, done: {} },
        room: this.info(code)!,
      };
    })();
  }

  /** Whether a nickname is free in a room now (checked again inside join). */
  nicknameFree(code: string, nickname: string): boolean {
    return !this
      .sql("SELECT 1 FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE r.code = ? AND a.nickname_key = ?")
      .get(code, nicknameKey(nickname));
  }

  /** The attendee a cookie token belongs to, with their room's code. */
  attendeeByToken(token: string): { attendee: BoardAttendee; code: string } | undefined {
    const row = this
      .sql(
        `SELECT a.id, a.room_id, a.nickname, a.joined_at, a.account_key, r.code
         FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE a.token_hash = ?`,
      )
      .get(hashSecret(token)) as (AttendeeRow & { code: string }) | undefined;
    if (!row) return undefined;
    return { attendee: { id: row.id, nickname: row.nickname, joinedAt: row.joined_at, done: this.doneOf(row.id) }, code: row.code };
  }

  private doneOf(attendeeId: number): BoardAttendee["done"] {
    const rows = this.sql("SELECT step, done_at FROM progress WHERE attendee_id = ?").all(attendeeId) as {
      step: StepId;
      done_at: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.step, r.done_at]));
  }

  /**
   * Records steps a check verified as done. Progress is what was verified: the first time
   * counts and stays, even if a later check says "todo" (the attendee did the step).
   * Returns the steps recorded now, and whether the attendee's account key changed.
   */
  recordDone(
    attendeeId: number,
    steps: readonly StepId[],
    accountKey: string | null,
  ): { recorded: { step: StepId; at: number }[]; accountChanged: boolean } {
    return this.db.transaction(() => {
      const row = this
        .sql(
          `SELECT a.account_key, r.steps, r.closed_at FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE a.id = ?`,
        )
        .get(attendeeId) as { account_key: string | null; steps: string; closed_at: number | null } | undefined;
      if (!row || row.closed_at !== null) return { recorded: [], accountChanged: false };
      const enabled = new Set(JSON.parse(row.steps) as string[]);
      const insert = this.sql("INSERT OR IGNORE INTO progress (attendee_id, step, done_at) VALUES (?, ?, ?)");
      const recorded: { step: StepId; at: number }[] = [];
      const at = this.now();
      for (const step of steps) {
        if (!enabled.has(step)) continue;
        if (insert.run(attendeeId, step, at).changes > 0) recorded.push({ step, at });
      }
      const accountChanged = accountKey !== null && accountKey !== row.account_key;
      if (accountChanged) this.sql("UPDATE attendees SET account_key = ? WHERE id = ?").run(accountKey, attendeeId);
      return { recorded, accountChanged };
    })();
  }

  removeAttendee(code: string, attendeeId: number): boolean {
    const res = this
      .sql("DELETE FROM attendees WHERE id = ? AND room_id = (SELECT id FROM rooms WHERE code = ?)")
      .run(attendeeId, code);
    if (res.changes > 0) checkpointAndTruncate(this.db);
    return res.changes > 0;
  }

  private update(code: string, sql: string, ...params: unknown[]): RoomInfo | undefined {
    this.sql(`UPDATE rooms SET ${sql} WHERE code = ? AND closed_at IS NULL`).run(...params, code);
    return this.info(code);
  }

  setLocked(code: string, locked: boolean): RoomInfo | undefined {
    return this.update(code, "locked = ?", locked ? 1 : 0);
  }

  announce(code: string, text: string | null): RoomInfo | undefined {
    return this.update(code, "announcement = ?, announced_at = ?", text, text === null ? null : this.now());
  }

  setMaxPerAccount(code: string, max: number): RoomInfo | undefined {
    return this.update(code, "max_per_account = ?", max);
  }

  /** Rooms not closed yet, all organizers together (creation stops at the cap). */
  openRoomCount(): number {
    return (this.sql("SELECT count(*) AS n FROM rooms WHERE closed_at IS NULL").get() as { n: number }).n;
  }

  setStuckMinutes(code: string, minutes: number): RoomInfo | undefined {
    return this.update(code, "stuck_minutes = ?", minutes);
  }

  restartClock(code: string): RoomInfo | undefined {
    return this.update(code, "started_at = ?", this.now());
  }

  attendees(code: string): BoardAttendee[] {
    const rows = this
      .sql(
        `SELECT a.id, a.nickname, a.joined_at FROM attendees a JOIN rooms r ON r.id = a.room_id
         WHERE r.code = ? ORDER BY a.joined_at, a.id`,
      )
      .all(code) as AttendeeRow[];
    const done = this
      .sql(
        `SELECT p.attendee_id, p.step, p.done_at FROM progress p
         JOIN attendees a ON a.id = p.attendee_id JOIN rooms r ON r.id = a.room_id WHERE r.code = ?`,
      )
      .all(code) as { attendee_id: number; step: StepId; done_at: number }[];
    const byId = new Map<number, BoardAttendee>(
      rows.map((r) => [r.id, { id: r.id, nickname: r.nickname, joinedAt: r.joined_at, done: {} }]),
    );
    for (const d of done) {
      const a = byId.get(d.attendee_id);
      if (a) a.done[d.step] = d.done_at;
    }
    return [...byId.values()];
  }

  /** Attendees whose checks ran in one AWS account, by letter: A, B, … (organizers only). */
  sharedAccounts(code: string): Record<number, string> {
    const rows = this
      .sql(
        `SELECT a.id, a.account_key FROM attendees a JOIN rooms r ON r.id = a.room_id
         WHERE r.code = ? AND a.account_key IN (
           SELECT account_key FROM attendees WHERE room_id = r.id AND account_key IS NOT NULL
           GROUP BY account_key HAVING count(*) > 1)
         ORDER BY a.joined_at, a.id`,
      )
      .all(code) as { id: number; account_key: string }[];
    const letters = new Map<string, string>();
    const out: Record<number, string> = {};
    for (const r of rows) {
      if (!letters.has(r.account_key)) {
        const n = letters.size;
        letters.set(r.account_key, n < 26 ? LETTERS[n] : `${LETTERS[Math.floor(n / 26) - 1]}${LETTERS[n % 26]}`);
      }
      out[r.id] = letters.get(r.account_key)!;
    }
    return out;
  }

  snapshot(code: string, opts: { organizer?: boolean } = {}): BoardSnapshot | undefined {
    return this.db.transaction(() => {
      const room = this.info(code);
      if (!room) return undefined;
      const snapshot: BoardSnapshot = { room, attendees: this.attendees(code), serverNow: this.now() };
      if (room.closedAt !== null) snapshot.summary = this.closingSummary(code);
      if (opts.organizer) snapshot.sharedAccounts = this.sharedAccounts(code);
      return snapshot;
    })();
  }

  exportRows(code: string): ExportRow[] {
    const rows = this.attendees(code).map((a) => ({ nickname: a.nickname, joinedAt: a.joinedAt, done: a.done }));
    this.sql("UPDATE rooms SET exported_at = ? WHERE code = ?").run(this.now(), code);
    return rows;
  }

  /** Whether progress was recorded (or someone joined) since the last CSV export. */
  hasUnexportedChanges(code: string): boolean {
    const row = this
      .sql(
        `SELECT r.exported_at,
           (SELECT max(joined_at) FROM attendees WHERE room_id = r.id) AS last_join,
           (SELECT max(p.done_at) FROM progress p JOIN attendees a ON a.id = p.attendee_id WHERE a.room_id = r.id) AS last_done
         FROM rooms r WHERE r.code = ?`,
      )
      .get(code) as { exported_at: number | null; last_join: number | null; last_done: number | null } | undefined;
    if (!row) return false;
    const last = Math.max(row.last_join ?? 0, row.last_done ?? 0);
    if (last === 0) return false;
    return row.exported_at === null || row.exported_at < last;
  }

  /** Closes the room for good: keeps counts, deletes every attendee and their progress. */
  close(code: string): ClosingSummary | undefined {
    const summary = this.closeInTransaction(code);
    // The nicknames are gone from the tables; now from the log and the free pages too.
    checkpointAndTruncate(this.db);
    return summary;
  }

  private closeInTransaction(code: string): ClosingSummary | undefined {
    return this.db.transaction(() => {
      const row = this.roomRow(code);
      if (!row) return undefined;
      if (row.closed_at !== null) return JSON.parse(row.closing_summary ?? "{}") as ClosingSummary;
      const room = toInfo(row);
      const attendees = this.attendees(code);
      const summary: ClosingSummary = {
        joined: attendees.length,
        finished: attendees.filter((a) => room.steps.every((s) => a.done[s] !== undefined)).length,
        done: Object.fromEntries(room.steps.map((s) => [s, attendees.filter((a) => a.done[s] !== undefined).length])),
      };
      this.sql("DELETE FROM attendees WHERE room_id = ?").run(row.id);
      this
        .sql("UPDATE rooms SET closed_at = ?, locked = 1, announcement = NULL, announced_at = NULL, closing_summary = ? WHERE id = ?")
        .run(this.now(), JSON.stringify(summary), row.id);
      return summary;
    })();
  }

  closingSummary(code: string): ClosingSummary | undefined {
    const row = this.roomRow(code);
    return row?.closing_summary ? (JSON.parse(row.closing_summary) as ClosingSummary) : undefined;
  }
}
