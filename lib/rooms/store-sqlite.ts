import type Database from "better-sqlite3";
import { DEFAULT_WORKSHOP_ID, type StepId } from "@/workshops";
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
} from "./model";
import { checkpointAndTruncate } from "@/lib/db/connection";
import { hashSecret, newJoinCode, newSecret, secretMatches } from "./secrets";
import {
  accountLetters,
  changedSinceExport,
  closingSummaryOf,
  roomInfo,
  withProgress,
  type ExportRow,
  type JoinResult,
  type NewRoom,
  type RecordedProgress,
  type RoomRow,
  type RoomStore,
  type Seat,
} from "./store";

/**
 * The room store in SQLite (DATA_DIR/hajime.db): one instance. better-sqlite3 is
 * synchronous, so each method is one transaction that no other request can interleave
 * with; the methods are async only to share the interface with PostgreSQL.
 */

type AttendeeRow = { id: number; room_id: number; nickname: string; joined_at: number; account_key: string | null };

export class SqliteRoomStore implements RoomStore {
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

  private infoNow(code: string): RoomInfo | undefined {
    const row = this.roomRow(code);
    return row && roomInfo(row);
  }

  async createRoom(input: NewRoom): Promise<{ room: RoomInfo; organizerKey: string }> {
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
      return { room: this.infoNow(code)!, organizerKey };
    }
    throw new Error("could not find a free join code");
  }

  async info(code: string): Promise<RoomInfo | undefined> {
    return this.infoNow(code);
  }

  async verifyOrganizer(code: string, key: string): Promise<boolean> {
    const row = this.roomRow(code);
    return Boolean(row && secretMatches(key, row.organizer_key_hash));
  }

  async attendeeCount(code: string): Promise<number> {
    return (
      this.sql("SELECT count(*) AS n FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE r.code = ?").get(code) as {
        n: number;
      }
    ).n;
  }

  async join(code: string, nickname: string, accountKey: string): Promise<JoinResult> {
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
        room: this.infoNow(code)!,
      };
    })();
  }

  async nicknameFree(code: string, nickname: string): Promise<boolean> {
    return !this
      .sql("SELECT 1 FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE r.code = ? AND a.nickname_key = ?")
      .get(code, nicknameKey(nickname));
  }

  async attendeeByToken(token: string): Promise<Seat | undefined> {
    const row = this
      .sql(
        `SELECT a.id, a.room_id, a.nickname, a.joined_at, a.account_key, r.code
         FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE a.token_hash = ?`,
      )
      .get(hashSecret(token)) as (AttendeeRow & { code: string }) | undefined;
    if (!row) return undefined;
    const done = this.sql("SELECT ? AS attendee_id, step, done_at FROM progress WHERE attendee_id = ?").all(row.id, row.id) as {
      attendee_id: number;
      step: StepId;
      done_at: number;
    }[];
    return { attendee: withProgress([row], done)[0], code: row.code, accountKey: row.account_key };
  }

  async recordDone(attendeeId: number, steps: readonly StepId[], accountKey: string | null): Promise<RecordedProgress> {
    return this.db.transaction((): RecordedProgress => {
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

  async removeAttendee(code: string, attendeeId: number): Promise<boolean> {
    const res = this
      .sql("DELETE FROM attendees WHERE id = ? AND room_id = (SELECT id FROM rooms WHERE code = ?)")
      .run(attendeeId, code);
    if (res.changes > 0) checkpointAndTruncate(this.db);
    return res.changes > 0;
  }

  private update(code: string, sql: string, ...params: unknown[]): RoomInfo | undefined {
    this.sql(`UPDATE rooms SET ${sql} WHERE code = ? AND closed_at IS NULL`).run(...params, code);
    return this.infoNow(code);
  }

  async setLocked(code: string, locked: boolean): Promise<RoomInfo | undefined> {
    return this.update(code, "locked = ?", locked ? 1 : 0);
  }

  async announce(code: string, text: string | null): Promise<RoomInfo | undefined> {
    return this.update(code, "announcement = ?, announced_at = ?", text, text === null ? null : this.now());
  }

  async setMaxPerAccount(code: string, max: number): Promise<RoomInfo | undefined> {
    return this.update(code, "max_per_account = ?", max);
  }

  async openRoomCount(): Promise<number> {
    return (this.sql("SELECT count(*) AS n FROM rooms WHERE closed_at IS NULL").get() as { n: number }).n;
  }

  async setStuckMinutes(code: string, minutes: number): Promise<RoomInfo | undefined> {
    return this.update(code, "stuck_minutes = ?", minutes);
  }

  async restartClock(code: string): Promise<RoomInfo | undefined> {
    return this.update(code, "started_at = ?", this.now());
  }

  private attendeesNow(code: string): BoardAttendee[] {
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
    return withProgress(rows, done);
  }

  async attendees(code: string): Promise<BoardAttendee[]> {
    return this.attendeesNow(code);
  }

  private sharedAccountsNow(code: string): Record<number, string> {
    const rows = this
      .sql(
        `SELECT a.id, a.account_key FROM attendees a JOIN rooms r ON r.id = a.room_id
         WHERE r.code = ? AND a.account_key IN (
           SELECT account_key FROM attendees WHERE room_id = r.id AND account_key IS NOT NULL
           GROUP BY account_key HAVING count(*) > 1)
         ORDER BY a.joined_at, a.id`,
      )
      .all(code) as { id: number; account_key: string }[];
    return accountLetters(rows);
  }

  async sharedAccounts(code: string): Promise<Record<number, string>> {
    return this.sharedAccountsNow(code);
  }

  async snapshot(code: string, opts: { organizer?: boolean } = {}): Promise<BoardSnapshot | undefined> {
    return this.db.transaction(() => {
      const room = this.infoNow(code);
      if (!room) return undefined;
      const snapshot: BoardSnapshot = { room, attendees: this.attendeesNow(code), serverNow: this.now() };
      if (room.closedAt !== null) snapshot.summary = this.closingSummaryNow(code);
      if (opts.organizer) snapshot.sharedAccounts = this.sharedAccountsNow(code);
      return snapshot;
    })();
  }

  async exportRows(code: string): Promise<ExportRow[]> {
    const rows = this.attendeesNow(code).map((a) => ({ nickname: a.nickname, joinedAt: a.joinedAt, done: a.done }));
    this.sql("UPDATE rooms SET exported_at = ? WHERE code = ?").run(this.now(), code);
    return rows;
  }

  async hasUnexportedChanges(code: string): Promise<boolean> {
    const row = this
      .sql(
        `SELECT r.exported_at,
           (SELECT max(joined_at) FROM attendees WHERE room_id = r.id) AS last_join,
           (SELECT max(p.done_at) FROM progress p JOIN attendees a ON a.id = p.attendee_id WHERE a.room_id = r.id) AS last_done
         FROM rooms r WHERE r.code = ?`,
      )
      .get(code) as { exported_at: number | null; last_join: number | null; last_done: number | null } | undefined;
    return Boolean(row && changedSinceExport(row.exported_at, row.last_join, row.last_done));
  }

  async close(code: string): Promise<ClosingSummary | undefined> {
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
      const summary = closingSummaryOf(roomInfo(row), this.attendeesNow(code));
      this.sql("DELETE FROM attendees WHERE room_id = ?").run(row.id);
      this
        .sql("UPDATE rooms SET closed_at = ?, locked = 1, announcement = NULL, announced_at = NULL, closing_summary = ? WHERE id = ?")
        .run(this.now(), JSON.stringify(summary), row.id);
      return summary;
    })();
  }

  private closingSummaryNow(code: string): ClosingSummary | undefined {
    const row = this.roomRow(code);
    return row?.closing_summary ? (JSON.parse(row.closing_summary) as ClosingSummary) : undefined;
  }

  async closingSummary(code: string): Promise<ClosingSummary | undefined> {
    return this.closingSummaryNow(code);
  }
}
