import type { PgDatabase, Queryable } from "@/lib/db/postgres";
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
 * The room store in PostgreSQL (DATABASE_URL), shared by several Hajime instances. What
 * SQLite gets from running one transaction at a time, this gets from row locks: a join
 * locks its room's row (FOR UPDATE), so two instances can never both take the last seat;
 * progress locks the attendee's row. Unique constraints back both. Closing and exporting
 * lock the room's row and then its attendees' rows, so they wait for progress in flight
 * and count it (tests/db/rooms-store.contract.ts races them).
 *
 * Unlike SQLite with secure_delete, PostgreSQL keeps a deleted row's bytes in the table
 * file until VACUUM reuses the space (README, "Several instances").
 */
export class PostgresRoomStore implements RoomStore {
  constructor(
    private readonly db: PgDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  private async roomRow(code: string, q: Queryable = this.db, lock = ""): Promise<RoomRow | undefined> {
    const { rows } = await q.query<RoomRow>(`SELECT * FROM rooms WHERE code = $1 ${lock}`, [code]);
    return rows[0];
  }

  private async infoFrom(q: Queryable, code: string): Promise<RoomInfo | undefined> {
    const row = await this.roomRow(code, q);
    return row && roomInfo(row);
  }

  async createRoom(input: NewRoom): Promise<{ room: RoomInfo; organizerKey: string }> {
    const organizerKey = newSecret();
    const workshop = input.workshop ?? DEFAULT_WORKSHOP_ID;
    for (let attempt = 0; attempt < 20; attempt++) {
      const { rows } = await this.db.query<RoomRow>(
        `INSERT INTO rooms (code, title, date, language, workshop, steps, organizer_key_hash, max_attendees, max_per_account, stuck_minutes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (code) DO NOTHING RETURNING *`,
        [
          newJoinCode(),
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
        ],
      );
      if (rows[0]) return { room: roomInfo(rows[0]), organizerKey };
    }
    throw new Error("could not find a free join code");
  }

  info(code: string): Promise<RoomInfo | undefined> {
    return this.infoFrom(this.db, code);
  }

  async verifyOrganizer(code: string, key: string): Promise<boolean> {
    const row = await this.roomRow(code);
    return Boolean(row && secretMatches(key, row.organizer_key_hash));
  }

  async attendeeCount(code: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE r.code = $1",
      [code],
    );
    return rows[0].n;
  }

  join(code: string, nickname: string, accountKey: string): Promise<JoinResult> {
    return this.db.transaction(async (q): Promise<JoinResult> => {
      const row = await this.roomRow(code, q, "FOR UPDATE");
      if (!row) return { ok: false, reason: "no-room" };
      if (row.closed_at !== null) return { ok: false, reason: "closed" };
      if (row.locked) return { ok: false, reason: "locked" };
      const key = nicknameKey(nickname);
      const { rows: counts } = await q.query<{ n: number; taken: number; same: number }>(
        `SELECT count(*) AS n,
           count(*) FILTER (WHERE nickname_key = $2) AS taken,
           count(*) FILTER (WHERE account_key = $3) AS same
         FROM attendees WHERE room_id = $1`,
        [row.id, key, accountKey],
      );
      const { n, taken, same } = counts[0];
      if (n >= row.max_attendees) return { ok: false, reason: "full" };
      if (taken > 0) return { ok: false, reason: "nickname-taken" };
      if (same >= row.max_per_account) return { ok: false, reason: "account-full" };
      const token = newSecret();
      const joinedAt = this.now();
      const { rows: inserted } = await q.query<{ id: number }>(
        `INSERT INTO attendees (room_id, nickname, nickname_key, token_hash, account_key, joined_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [row.id, nickname, key, hashSecret(token), accountKey, joinedAt],
      );
      if (row.started_at === null) await q.query("UPDATE rooms SET started_at = $1 WHERE id = $2", [joinedAt, row.id]);
      return {
        ok: true,
        token,
        attendee: { id: inserted[0].id, nickname, joinedAt, done: {} },
        room: (await this.infoFrom(q, code))!,
      };
    });
  }

  async nicknameFree(code: string, nickname: string): Promise<boolean> {
    const { rows } = await this.db.query(
      "SELECT 1 FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE r.code = $1 AND a.nickname_key = $2",
      [code, nicknameKey(nickname)],
    );
    return rows.length === 0;
  }

  async attendeeByToken(token: string): Promise<Seat | undefined> {
    const { rows } = await this.db.query<{ id: number; nickname: string; joined_at: number; account_key: string | null; code: string }>(
      `SELECT a.id, a.nickname, a.joined_at, a.account_key, r.code FROM attendees a JOIN rooms r ON r.id = a.room_id WHERE a.token_hash = $1`,
      [hashSecret(token)],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { rows: done } = await this.db.query<{ attendee_id: number; step: string; done_at: number }>(
      "SELECT attendee_id, step, done_at FROM progress WHERE attendee_id = $1",
      [row.id],
    );
    return { attendee: withProgress([row], done)[0], code: row.code, accountKey: row.account_key };
  }

  recordDone(attendeeId: number, steps: readonly StepId[], accountKey: string | null): Promise<RecordedProgress> {
    return this.db.transaction(async (q): Promise<RecordedProgress> => {
      const { rows } = await q.query<{ account_key: string | null; steps: string; closed_at: number | null }>(
        `SELECT a.account_key, r.steps, r.closed_at FROM attendees a JOIN rooms r ON r.id = a.room_id
         WHERE a.id = $1 FOR UPDATE OF a`,
        [attendeeId],
      );
      const row = rows[0];
      if (!row || row.closed_at !== null) return { recorded: [], accountChanged: false };
      const enabled = new Set(JSON.parse(row.steps) as string[]);
      const wanted = [...new Set(steps)].filter((s) => enabled.has(s));
      const at = this.now();
      const recorded: { step: StepId; at: number }[] = [];
      if (wanted.length > 0) {
        const { rows: inserted } = await q.query<{ step: StepId }>(
          `INSERT INTO progress (attendee_id, step, done_at) SELECT $1, s, $3 FROM unnest($2::text[]) AS s
           ON CONFLICT DO NOTHING RETURNING step`,
          [attendeeId, wanted, at],
        );
        const now = new Set(inserted.map((r) => r.step));
        for (const step of wanted) if (now.has(step)) recorded.push({ step, at });
      }
      const accountChanged = accountKey !== null && accountKey !== row.account_key;
      if (accountChanged) await q.query("UPDATE attendees SET account_key = $1 WHERE id = $2", [accountKey, attendeeId]);
      return { recorded, accountChanged };
    });
  }

  async removeAttendee(code: string, attendeeId: number): Promise<boolean> {
    const res = await this.db.query("DELETE FROM attendees WHERE id = $1 AND room_id = (SELECT id FROM rooms WHERE code = $2)", [
      attendeeId,
      code,
    ]);
    return (res.rowCount ?? 0) > 0;
  }

  private async update(code: string, set: string, ...params: unknown[]): Promise<RoomInfo | undefined> {
    const { rows } = await this.db.query<RoomRow>(
      `UPDATE rooms SET ${set} WHERE code = $${params.length + 1} AND closed_at IS NULL RETURNING *`,
      [...params, code],
    );
    // A closed room is not changed; the caller still learns its state.
    return rows[0] ? roomInfo(rows[0]) : this.info(code);
  }

  setLocked(code: string, locked: boolean): Promise<RoomInfo | undefined> {
    return this.update(code, "locked = $1", locked);
  }

  announce(code: string, text: string | null): Promise<RoomInfo | undefined> {
    return this.update(code, "announcement = $1, announced_at = $2", text, text === null ? null : this.now());
  }

  setMaxPerAccount(code: string, max: number): Promise<RoomInfo | undefined> {
    return this.update(code, "max_per_account = $1", max);
  }

  async openRoomCount(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>("SELECT count(*) AS n FROM rooms WHERE closed_at IS NULL");
    return rows[0].n;
  }

  setStuckMinutes(code: string, minutes: number): Promise<RoomInfo | undefined> {
    return this.update(code, "stuck_minutes = $1", minutes);
  }

  restartClock(code: string): Promise<RoomInfo | undefined> {
    return this.update(code, "started_at = $1", this.now());
  }

  private async attendeesFrom(q: Queryable, code: string): Promise<BoardAttendee[]> {
    const { rows } = await q.query<{ id: number; nickname: string; joined_at: number }>(
      `SELECT a.id, a.nickname, a.joined_at FROM attendees a JOIN rooms r ON r.id = a.room_id
       WHERE r.code = $1 ORDER BY a.joined_at, a.id`,
      [code],
    );
    const { rows: done } = await q.query<{ attendee_id: number; step: string; done_at: number }>(
      `SELECT p.attendee_id, p.step, p.done_at FROM progress p
       JOIN attendees a ON a.id = p.attendee_id JOIN rooms r ON r.id = a.room_id WHERE r.code = $1`,
      [code],
    );
    return withProgress(rows, done);
  }

  attendees(code: string): Promise<BoardAttendee[]> {
    return this.attendeesFrom(this.db, code);
  }

  private async sharedAccountsFrom(q: Queryable, code: string): Promise<Record<number, string>> {
    const { rows } = await q.query<{ id: number; account_key: string }>(
      `SELECT a.id, a.account_key FROM attendees a JOIN rooms r ON r.id = a.room_id
       WHERE r.code = $1 AND a.account_key IN (
         SELECT account_key FROM attendees WHERE room_id = r.id AND account_key IS NOT NULL
         GROUP BY account_key HAVING count(*) > 1)
       ORDER BY a.joined_at, a.id`,
      [code],
    );
    return accountLetters(rows);
  }

  sharedAccounts(code: string): Promise<Record<number, string>> {
    return this.sharedAccountsFrom(this.db, code);
  }

  snapshot(code: string, opts: { organizer?: boolean } = {}): Promise<BoardSnapshot | undefined> {
    return this.db.transaction(async (q) => {
      // One view of the room for every read below, whatever other instances write meanwhile.
      await q.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const row = await this.roomRow(code, q);
      if (!row) return undefined;
      const room = roomInfo(row);
      const snapshot: BoardSnapshot = { room, attendees: await this.attendeesFrom(q, code), serverNow: this.now() };
      if (room.closedAt !== null && row.closing_summary) snapshot.summary = JSON.parse(row.closing_summary) as ClosingSummary;
      if (opts.organizer) snapshot.sharedAccounts = await this.sharedAccountsFrom(q, code);
      return snapshot;
    });
  }

  exportRows(code: string): Promise<ExportRow[]> {
    return this.db.transaction(async (q) => {
      // Joins (room row) and progress being recorded (attendee rows) finish first, and wait
      // for the export: what it reads is all there is up to exported_at.
      const room = await this.roomRow(code, q, "FOR UPDATE");
      if (!room) return [];
      await q.query("SELECT id FROM attendees WHERE room_id = $1 FOR SHARE", [room.id]);
      const rows = (await this.attendeesFrom(q, code)).map((a) => ({ nickname: a.nickname, joinedAt: a.joinedAt, done: a.done }));
      await q.query("UPDATE rooms SET exported_at = $1 WHERE id = $2", [this.now(), room.id]);
      return rows;
    });
  }

  async hasUnexportedChanges(code: string): Promise<boolean> {
    const { rows } = await this.db.query<{ exported_at: number | null; last_join: number | null; last_done: number | null }>(
      `SELECT r.exported_at,
         (SELECT max(joined_at) FROM attendees WHERE room_id = r.id) AS last_join,
         (SELECT max(p.done_at) FROM progress p JOIN attendees a ON a.id = p.attendee_id WHERE a.room_id = r.id) AS last_done
       FROM rooms r WHERE r.code = $1`,
      [code],
    );
    const row = rows[0];
    return Boolean(row && changedSinceExport(row.exported_at, row.last_join, row.last_done));
  }

  close(code: string): Promise<ClosingSummary | undefined> {
    return this.db.transaction(async (q) => {
      const row = await this.roomRow(code, q, "FOR UPDATE");
      if (!row) return undefined;
      if (row.closed_at !== null) return JSON.parse(row.closing_summary ?? "{}") as ClosingSummary;
      // Progress being recorded holds its attendee's row (recordDone): wait for it, so the
      // summary counts every step reported as recorded, and later reports find no attendee.
      await q.query("SELECT id FROM attendees WHERE room_id = $1 FOR UPDATE", [row.id]);
      const summary = closingSummaryOf(roomInfo(row), await this.attendeesFrom(q, code));
      await q.query("DELETE FROM attendees WHERE room_id = $1", [row.id]);
      await q.query(
        "UPDATE rooms SET closed_at = $1, locked = true, announcement = NULL, announced_at = NULL, closing_summary = $2 WHERE id = $3",
        [this.now(), JSON.stringify(summary), row.id],
      );
      return summary;
    });
  }

  async closingSummary(code: string): Promise<ClosingSummary | undefined> {
    const row = await this.roomRow(code);
    return row?.closing_summary ? (JSON.parse(row.closing_summary) as ClosingSummary) : undefined;
  }
}
