import type { StepId } from "@/lib/workshop/catalog";
import { countedSteps, stepsOf, type WorkshopId } from "@/workshops";
import { latinLookAlikes } from "./confusables";

/**
 * Rooms as the browser sees them: plain data and pure rules, safe to import anywhere.
 * What crosses to a board never holds an account id, an ARN, a key or a token.
 */

export const ROOM_LANGUAGES = ["ja", "en"] as const;
export type RoomLanguage = (typeof ROOM_LANGUAGES)[number];

export const DEFAULT_MAX_ATTENDEES = 300;
export const MAX_ATTENDEES_LIMIT = 500;
export const DEFAULT_STUCK_MINUTES = 10;
/** Attendees per AWS account in one room: a few (a shared account, a second device), not a crowd. */
export const DEFAULT_MAX_PER_ACCOUNT = 3;
export const STUCK_MINUTES_CHOICES = [5, 10, 15, 20, 30] as const;
export const NICKNAME_MAX = 20;
export const TITLE_MAX = 80;
export const ANNOUNCEMENT_MAX = 280;

/** Join codes: six characters without look-alikes (no 0/O, 1/I/L), easy to read aloud. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;
const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** "abc-def", " ABC DEF " → "ABCDEF"; undefined when it cannot be a code. */
export function normalizeCode(input: unknown): string | undefined {
  if (typeof input !== "string" || input.length > 40) return undefined;
  const code = input.normalize("NFKC").replace(/[\s\-‐－_.]/g, "").toUpperCase();
  return CODE_RE.test(code) ? code : undefined;
}

/** "ABCDEF" → "ABC DEF" for reading aloud and on the projector. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

export type NicknameProblem = "empty" | "too-long" | "invalid-characters";

// Control characters, zero-width and bidi-override characters: they hide or reorder text.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u;

const EMOJI_ZWJ = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;

function graphemes(text: string): number {
  return [...new Intl.Segmenter("ja", { granularity: "grapheme" }).segment(text)].length;
}

/** Trims and collapses spaces; Japanese, emoji and any script are welcome. */
export function cleanNickname(input: unknown): { ok: true; nickname: string } | { ok: false; problem: NicknameProblem } {
  if (typeof input !== "string") return { ok: false, problem: "empty" };
  if (input.length > 400) return { ok: false, problem: "too-long" };
  const nickname = input.replace(/[\s\u3000]+/g, " ").trim();
  if (nickname === "") return { ok: false, problem: "empty" };
  // A zero-width joiner is fine inside an emoji sequence (👩‍💻), nowhere else.
  if (FORBIDDEN.test(nickname.replace(EMOJI_ZWJ, ""))) return { ok: false, problem: "invalid-characters" };
  if (graphemes(nickname) > NICKNAME_MAX) return { ok: false, problem: "too-long" };
  return { ok: true, nickname };
}

/**
 * Text an organizer typed (a room title, an announcement) without control characters: NUL
 * is refused by PostgreSQL and the rest draw nothing. An announcement keeps its line breaks and tabs.
 */
export function withoutControlCharacters(text: string, keep: "line-breaks" | "none" = "none"): string {
  return text.replace(keep === "line-breaks" ? /[\u0000-\u0008\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g, "");
}

/**
 * Two nicknames that look the same to people ("Taro", "ｔａｒｏ", "TARO", "Тaro" with a
 * Cyrillic Т) are the same: a room refuses the second (see confusables.ts).
 */
export function nicknameKey(nickname: string): string {
  return latinLookAlikes(nickname.normalize("NFKC")).toLowerCase().replace(/\s+/g, " ").trim();
}

export function isRoomLanguage(value: unknown): value is RoomLanguage {
  return typeof value === "string" && (ROOM_LANGUAGES as readonly string[]).includes(value);
}

/** The room's steps in the workshop's order, unknown ids dropped. */
/** The workshop's steps among `ids`, in the workshop's order (unknown or other workshops' ids dropped). */
export function orderSteps(workshop: WorkshopId, ids: readonly string[]): StepId[] {
  return stepsOf(workshop).filter((id) => ids.includes(id));
}

export type RoomInfo = {
  code: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  language: RoomLanguage;
  /** The hands-on the room runs; `steps` are some or all of its steps. */
  workshop: WorkshopId;
  steps: StepId[];
  locked: boolean;
  announcement: string | null;
  announcedAt: number | null;
  stuckMinutes: number;
  maxAttendees: number;
  /** At most this many attendees may join with one AWS account (organizer-adjustable). */
  maxPerAccount: number;
  createdAt: number;
  /** The first join: the board's elapsed time counts from here (the organizer can restart it). */
  startedAt: number | null;
  closedAt: number | null;
};

/** One attendee on the board: a nickname and ticks, nothing else about them. */
export type BoardAttendee = {
  id: number;
  nickname: string;
  joinedAt: number;
  /** Step → when its check first verified it. */
  done: Partial<Record<StepId, number>>;
};

/** What is left of a room once closed: counts, no nicknames. */
export type ClosingSummary = { joined: number; finished: number; done: Partial<Record<StepId, number>> };

export type BoardSnapshot = {
  room: RoomInfo;
  /** Closed rooms keep only these counts. */
  summary?: ClosingSummary;
  attendees: BoardAttendee[];
  /** Organizer streams only: attendee id → a letter shared by attendees using one account. */
  sharedAccounts?: Record<number, string>;
  /** The server's clock, so boards on a laptop with a wrong clock still count minutes right. */
  serverNow: number;
};

/** Small events after the snapshot; `at` is the server time of the write. */
export type RoomEvent =
  | { type: "joined"; attendee: BoardAttendee; at: number }
  | { type: "progress"; attendeeId: number; step: StepId; at: number }
  | { type: "removed"; attendeeId: number; at: number }
  | { type: "room"; room: RoomInfo; at: number }
  | { type: "accounts"; sharedAccounts: Record<number, string>; at: number }
  | { type: "closed"; summary: ClosingSummary; at: number };

/** What an attendee's page gets: the room, and themselves (null once removed). */
export type AttendeeSnapshot = { room: RoomInfo; you: BoardAttendee | null; serverNow: number };

export type StreamView = "board" | "attendee" | "organizer";

/** Where an attendee is: the first step not done after the furthest one they finished. */
export function currentStep(steps: readonly StepId[], done: BoardAttendee["done"]): StepId | null {
  let furthest = -1;
  steps.forEach((id, i) => {
    if (done[id] !== undefined) furthest = i;
  });
  for (let i = furthest + 1; i < steps.length; i++) if (done[steps[i]] === undefined) return steps[i];
  // Everything after the furthest is done: an earlier gap, if any, is where they are.
  return steps.find((id) => done[id] === undefined) ?? null;
}

/** Every step that counts (the `counted` trait) verified. */
export function isFinished(steps: readonly StepId[], done: BoardAttendee["done"]): boolean {
  return countedSteps(steps).every((id) => done[id] !== undefined);
}

export function lastActivity(a: BoardAttendee): number {
  return Math.max(a.joinedAt, ...Object.values(a.done).map((t) => t ?? 0));
}

/** Stuck: not finished, and nothing verified (nor the join) for longer than the room's threshold. */
export function stuckFor(room: Pick<RoomInfo, "steps" | "stuckMinutes">, a: BoardAttendee, now: number): number | null {
  if (isFinished(room.steps, a.done)) return null;
  const idle = now - lastActivity(a);
  return idle >= room.stuckMinutes * 60_000 ? idle : null;
}
