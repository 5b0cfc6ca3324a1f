"use server";

import { z } from "zod";
import { DEFAULT_REGION } from "@/lib/regions";
import { fail, ok, type Result } from "@/lib/result";
import { admitPaste, pasteForm } from "@/lib/credentials/admission";
import { currentSession } from "@/lib/credentials/current";
import type { SessionView } from "@/lib/credentials/session-view";
import { sessionView } from "@/lib/credentials/sign-in";
import { accountKey } from "@/lib/db/account-key";
import { clientKey } from "@/lib/limits/address";
import { caps } from "@/lib/limits/config";
import { take } from "@/lib/limits/rate";
import { DEFAULT_WORKSHOP_ID, isStepId, isWorkshopId, type WorkshopId } from "@/workshops";
import { publish } from "./bus";
import { clearAttendeeCookie, writeAttendeeCookie, writeOrganizerCookie } from "./cookies";
import { lookUpRoom } from "./lookup";
import {
  ANNOUNCEMENT_MAX,
  cleanNickname,
  DEFAULT_MAX_ATTENDEES,
  DEFAULT_MAX_PER_ACCOUNT,
  MAX_ATTENDEES_LIMIT,
  normalizeCode,
  orderSteps,
  ROOM_LANGUAGES,
  STUCK_MINUTES_CHOICES,
  TITLE_MAX,
  withoutControlCharacters,
  type RoomInfo,
} from "./model";
import { hashSecret, looksLikeSecret } from "./secrets";
import type { JoinFailure } from "./store";
import { currentAttendee, isOrganizer, rooms } from "./service";
import { publicOrigin, roomUrls, type RoomUrls } from "./urls";

/** Rooms' door for the UI: every action validates its input first and returns a Result. */

export type CreatedRoom = { code: string; language: string; organizerKey: string; urls: RoomUrls };
export type CreateRoomState = Result<CreatedRoom> | null;

const createForm = z.object({
  title: z.string().transform((t) => withoutControlCharacters(t)).pipe(z.string().trim().min(1).max(TITLE_MAX)),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  language: z.enum(ROOM_LANGUAGES),
  workshop: z.string().refine(isWorkshopId).transform((id) => id as WorkshopId),
  steps: z.array(z.string().refine(isStepId)).min(1).max(40),
  maxAttendees: z.coerce.number().int().min(1).max(MAX_ATTENDEES_LIMIT),
  maxPerAccount: z.coerce.number().int().min(1).max(MAX_ATTENDEES_LIMIT),
});

export async function createRoom(_prev: CreateRoomState, form: FormData): Promise<CreateRoomState> {
  const parsed = createForm.safeParse({
    title: form.get("title") ?? "",
    date: form.get("date") ?? "",
    language: form.get("language") ?? "",
    workshop: form.get("workshop") || DEFAULT_WORKSHOP_ID,
    steps: form.getAll("steps"),
    maxAttendees: form.get("maxAttendees") || DEFAULT_MAX_ATTENDEES,
    maxPerAccount: form.get("maxPerAccount") || DEFAULT_MAX_PER_ACCOUNT,
  });
  if (!parsed.success) return fail("invalid-input", { field: String(parsed.error.issues[0]?.path[0] ?? "input") });
  // Only the chosen workshop's steps, in its order.
  const steps = orderSteps(parsed.data.workshop, parsed.data.steps);
  if (steps.length === 0) return fail("invalid-input", { field: "steps" });
  const limited = await take("create", await clientKey());
  if (limited) return limited;
  if ((await rooms().openRoomCount()) >= caps.openRooms) return fail("too-many-rooms");
  const { room, organizerKey } = await rooms().createRoom({ ...parsed.data, steps });
  await writeOrganizerCookie(room.code, organizerKey);
  return ok({ code: room.code, language: room.language, organizerKey, urls: roomUrls(await publicOrigin(), room.code, room.language) });
}

/** Landing page: is there an open room with this code? */
export async function findRoom(code: string): Promise<Result<{ code: string }>> {
  const found = await lookUpRoom(code, await clientKey());
  if (!found.ok) return found.failure;
  if (found.room.closedAt !== null) return fail("room-closed");
  return ok({ code: found.room.code });
}

const JOIN_FAILURE: Record<JoinFailure, string> = {
  "no-room": "room-not-found",
  closed: "room-closed",
  locked: "room-locked",
  full: "room-full",
  "nickname-taken": "nickname-taken",
  "account-full": "room-account-full",
};

export type JoinState = Result<{ nickname: string; session: SessionView }> | null;

/**
 * Takes a seat in a room. A seat (and a tile on the board) needs credentials STS accepts:
 * the browser's current session, or a paste sent with the nickname. So a flood of joins
 * without real credentials takes no seat and blocks nobody, and a room admits at most its
 * per-account number of attendees per AWS account.
 */
export async function joinRoom(_prev: JoinState, form: FormData): Promise<JoinState> {
  const nickname = cleanNickname(form.get("nickname"));
  if (!nickname.ok) return fail(`nickname-${nickname.problem}`);
  const fields = pasteForm.safeParse({ paste: form.get("paste") ?? "", region: form.get("region") ?? DEFAULT_REGION });
  if (!fields.success) return fail("paste-too-long");
  const client = await clientKey();
  const found = await lookUpRoom(form.get("code"), client);
  if (!found.ok) return found.failure;
  const { room } = found;
  const code = room.code;

  const already = await currentAttendee(code);
  const current = await currentSession();
  if (already && current) return ok({ nickname: already.attendee.nickname, session: sessionView(current) });

  // Refusals that need no AWS call come first.
  if (room.closedAt !== null) return fail("room-closed");
  if (room.locked) return fail("room-locked");
  if ((await rooms().attendeeCount(code)) >= room.maxAttendees) return fail("room-full");
  if (!already && !(await rooms().nicknameFree(code, nickname.nickname))) return fail("nickname-taken");

  let session = current;
  if (!session) {
    if (fields.data.paste.trim() === "") return fail("sign-in-first");
    const admitted = await admitPaste(fields.data.paste, fields.data.region, client);
    if (!admitted.ok) return admitted;
    session = admitted.data;
  }
  if (already) return ok({ nickname: already.attendee.nickname, session: sessionView(session) });

  // Per credential session (nickname retries), not per account: a workshop where everyone
  // shares one AWS account must not be throttled at the account's 21st join in a minute.
  // Sessions per account are capped at sign-in (lib/credentials/admission.ts).
  const limited = await take("join", `session:${hashSecret(session.id)}`);
  if (limited) return limited;
  const account = accountKey(session.identity.accountId);
  const res = await rooms().join(code, nickname.nickname, account);
  if (!res.ok) return fail(JOIN_FAILURE[res.reason], { max: room.maxPerAccount });
  await writeAttendeeCookie(code, res.token);
  publish(code, { type: "joined", attendee: res.attendee, at: res.attendee.joinedAt });
  // The first join starts the board's clock.
  if (res.room.startedAt === res.attendee.joinedAt) publish(code, { type: "room", room: res.room, at: res.attendee.joinedAt });
  return ok({ nickname: res.attendee.nickname, session: sessionView(session) });
}

/** Forgets this browser's place in the room (after removal, to join again under another name). */
export async function forgetRoom(code: string): Promise<Result<null>> {
  const normalized = normalizeCode(code);
  if (!normalized) return fail("room-not-found");
  await clearAttendeeCookie(normalized);
  return ok(null);
}

// ——— organizer ———

/** Exchanges the key from the URL fragment for the room's httpOnly organizer cookie. */
export async function claimOrganizer(code: string, key: string): Promise<Result<null>> {
  const normalized = normalizeCode(code);
  if (!normalized) return fail("room-not-found");
  const limited = await take("organizerKey", await clientKey());
  if (limited) return limited;
  if (!looksLikeSecret(key) || !(await rooms().verifyOrganizer(normalized, key))) return fail("organizer-key-invalid");
  await writeOrganizerCookie(normalized, key);
  return ok(null);
}

async function organizerRoom(code: unknown): Promise<Result<string>> {
  const normalized = normalizeCode(code);
  if (!normalized || !(await rooms().info(normalized))) return fail("room-not-found");
  if (!(await isOrganizer(normalized))) return fail("organizer-key-invalid");
  return ok(normalized);
}

function roomChanged(code: string, room: RoomInfo | undefined): Result<RoomInfo> {
  if (!room) return fail("room-not-found");
  if (room.closedAt !== null) return fail("room-closed");
  publish(code, { type: "room", room, at: Date.now() });
  return ok(room);
}

export async function removeAttendee(code: string, attendeeId: number): Promise<Result<null>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  const id = z.number().int().positive().safeParse(attendeeId);
  if (!id.success) return fail("invalid-input", { field: "attendee" });
  if (await rooms().removeAttendee(room.data, id.data)) publish(room.data, { type: "removed", attendeeId: id.data, at: Date.now() });
  return ok(null);
}

export async function setLocked(code: string, locked: boolean): Promise<Result<RoomInfo>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  return roomChanged(room.data, await rooms().setLocked(room.data, locked === true));
}

const announcement = z
  .string()
  .transform((t) => withoutControlCharacters(t, "line-breaks"))
  .pipe(z.string().trim().max(ANNOUNCEMENT_MAX))
  .nullable();

export async function announce(code: string, text: string | null): Promise<Result<RoomInfo>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  const parsed = announcement.safeParse(text);
  if (!parsed.success) return fail("announcement-too-long");
  return roomChanged(room.data, await rooms().announce(room.data, parsed.data || null));
}

export async function setStuckMinutes(code: string, minutes: number): Promise<Result<RoomInfo>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  if (!(STUCK_MINUTES_CHOICES as readonly number[]).includes(minutes)) return fail("invalid-input", { field: "minutes" });
  return roomChanged(room.data, await rooms().setStuckMinutes(room.data, minutes));
}

export async function setMaxPerAccount(code: string, max: number): Promise<Result<RoomInfo>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  const parsed = z.number().int().min(1).max(MAX_ATTENDEES_LIMIT).safeParse(max);
  if (!parsed.success) return fail("invalid-input", { field: "maxPerAccount" });
  return roomChanged(room.data, await rooms().setMaxPerAccount(room.data, parsed.data));
}

export async function restartClock(code: string): Promise<Result<RoomInfo>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  return roomChanged(room.data, await rooms().restartClock(room.data));
}

/** Closes the room: its attendees and their progress are deleted; counts remain. */
export async function closeRoom(code: string): Promise<Result<null>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  const summary = await rooms().close(room.data);
  if (!summary) return fail("room-not-found");
  publish(room.data, { type: "closed", summary, at: Date.now() });
  return ok(null);
}

/** Whether anything was recorded since the last CSV export (asked before closing). */
export async function exportIsStale(code: string): Promise<Result<boolean>> {
  const room = await organizerRoom(code);
  if (!room.ok) return room;
  return ok(await rooms().hasUnexportedChanges(room.data));
}
