import { DEFAULT_WORKSHOP_ID, isWorkshopId, type StepId, type WorkshopId } from "@/workshops";
import { orderSteps, type BoardAttendee, type BoardSnapshot, type ClosingSummary, type RoomInfo, type RoomLanguage } from "./model";

/**
 * Rooms, attendees and progress: what a store keeps, whichever database holds it. Two
 * implementations: SQLite in DATA_DIR (store-sqlite.ts, one instance) and PostgreSQL
 * (store-postgres.ts, several instances sharing it); tests/db/rooms-store.contract.ts runs
 * the same tests against both. A store knows nothing about requests, cookies or events:
 * callers publish what changed.
 */
export interface RoomStore {
  createRoom(input: NewRoom): Promise<{ room: RoomInfo; organizerKey: string }>;
  info(code: string): Promise<RoomInfo | undefined>;
  verifyOrganizer(code: string, key: string): Promise<boolean>;
  attendeeCount(code: string): Promise<number>;
  /**
   * Takes a seat for an attendee whose credentials STS accepted (`accountKey` is their
   * account's keyed hash): the room must be open, not full, the nickname free, and the
   * account below the room's per-account limit. Atomic: two joins can never both take the
   * last seat or one nickname.
   */
  join(code: string, nickname: string, accountKey: string): Promise<JoinResult>;
  /** Whether a nickname is free in a room now (checked again inside join). */
  nicknameFree(code: string, nickname: string): Promise<boolean>;
  /** The attendee a cookie token belongs to, with their room's code and account key. */
  attendeeByToken(token: string): Promise<Seat | undefined>;
  /**
   * Records steps a check verified as done. Progress is what was verified: the first time
   * counts and stays, even if a later check says "todo" (the attendee did the step).
   * Returns the steps recorded now, and whether the attendee's account key changed.
   */
  recordDone(attendeeId: number, steps: readonly StepId[], accountKey: string | null): Promise<RecordedProgress>;
  removeAttendee(code: string, attendeeId: number): Promise<boolean>;
  setLocked(code: string, locked: boolean): Promise<RoomInfo | undefined>;
  announce(code: string, text: string | null): Promise<RoomInfo | undefined>;
  setMaxPerAccount(code: string, max: number): Promise<RoomInfo | undefined>;
  setStuckMinutes(code: string, minutes: number): Promise<RoomInfo | undefined>;
  restartClock(code: string): Promise<RoomInfo | undefined>;
  /** Rooms not closed yet, all organizers together (creation stops at the cap). */
  openRoomCount(): Promise<number>;
  attendees(code: string): Promise<BoardAttendee[]>;
  /** Attendees whose checks ran in one AWS account, by letter: A, B, … (organizers only). */
  sharedAccounts(code: string): Promise<Record<number, string>>;
  /** The room, its attendees and (closed) its summary, read consistently. */
  snapshot(code: string, opts?: { organizer?: boolean }): Promise<BoardSnapshot | undefined>;
  /** The CSV's rows; marks the room exported. */
  exportRows(code: string): Promise<ExportRow[]>;
  /** Whether progress was recorded (or someone joined) since the last CSV export. */
  hasUnexportedChanges(code: string): Promise<boolean>;
  /** Closes the room for good: keeps counts, deletes every attendee and their progress. */
  close(code: string): Promise<ClosingSummary | undefined>;
  closingSummary(code: string): Promise<ClosingSummary | undefined>;
}

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

/**
 * An attendee's seat: who, in which room, and the account key their checks last recorded
 * (null before any), so that a check run can tell it has nothing new to write. The key stays
 * on the server: pages and streams get `attendee` only.
 */
export type Seat = { attendee: BoardAttendee; code: string; accountKey: string | null };

export type JoinFailure = "no-room" | "closed" | "locked" | "full" | "nickname-taken" | "account-full";
export type JoinResult = { ok: true; attendee: BoardAttendee; token: string; room: RoomInfo } | { ok: false; reason: JoinFailure };
export type RecordedProgress = { recorded: { step: StepId; at: number }[]; accountChanged: boolean };

export type ExportRow = {
  nickname: string;
  joinedAt: number;
  done: Partial<Record<StepId, number>>;
};

/** A rooms row as both databases hold it (same column names; PostgreSQL's `locked` is a boolean). */
export type RoomRow = {
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
  locked: number | boolean;
  announcement: string | null;
  announced_at: number | null;
  created_at: number;
  started_at: number | null;
  exported_at: number | null;
  closed_at: number | null;
  closing_summary: string | null;
};

export function roomInfo(r: RoomRow): RoomInfo {
  // A workshop no longer offered (removed from workshops/) shows as the default one.
  const workshop = isWorkshopId(r.workshop) ? r.workshop : DEFAULT_WORKSHOP_ID;
  return {
    code: r.code,
    title: r.title,
    date: r.date,
    language: r.language === "en" ? "en" : "ja",
    workshop,
    steps: orderSteps(workshop, JSON.parse(r.steps) as string[]),
    locked: r.locked === 1 || r.locked === true,
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

/** Attendees with their verified steps, from the two queries both stores make. */
export function withProgress(
  rows: readonly { id: number; nickname: string; joined_at: number }[],
  done: readonly { attendee_id: number; step: string; done_at: number }[],
): BoardAttendee[] {
  const byId = new Map<number, BoardAttendee>(rows.map((r) => [r.id, { id: r.id, nickname: r.nickname, joinedAt: r.joined_at, done: {} }]));
  for (const d of done) {
    const a = byId.get(d.attendee_id);
    if (a) a.done[d.step as StepId] = d.done_at;
  }
  return [...byId.values()];
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Letters for attendees sharing an account, in join order (`rows`: only accounts with 2+). */
export function accountLetters(rows: readonly { id: number; account_key: string }[]): Record<number, string> {
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

/** What a closed room keeps: counts only. */
export function closingSummaryOf(room: RoomInfo, attendees: readonly BoardAttendee[]): ClosingSummary {
  return {
    joined: attendees.length,
    finished: attendees.filter((a) => room.steps.every((s) => a.done[s] !== undefined)).length,
    done: Object.fromEntries(room.steps.map((s) => [s, attendees.filter((a) => a.done[s] !== undefined).length])),
  };
}

/** Whether anything happened after the last export (times in ms; 0 = never). */
export function changedSinceExport(exportedAt: number | null, lastJoin: number | null, lastDone: number | null): boolean {
  const last = Math.max(lastJoin ?? 0, lastDone ?? 0);
  if (last === 0) return false;
  return exportedAt === null || exportedAt < last;
}
