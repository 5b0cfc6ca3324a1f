import "server-only";
import { fail, type Failure } from "@/lib/result";
import { over, take } from "@/lib/limits/rate";
import { normalizeCode, type RoomInfo } from "./model";
import { currentAttendee, isOrganizer, rooms } from "./service";

/**
 * Every door that takes a room code from outside — pages, event streams, the CSV export,
 * joins, the landing form — comes through here. Unknown codes count against the client's
 * address; once over the limit, that address learns nothing about any code (known or not)
 * until the window passes, unless the request carries that room's own cookie. Codes are
 * guessable only one by one, and this keeps the guessing slow.
 */
export type Lookup = { ok: true; room: RoomInfo } | { ok: false; failure: Failure };

/** `info` reads the room (pages pass their render's cached read, ./page-room.ts). */
export async function lookUpRoom(
  rawCode: unknown,
  clientKey: string,
  info: (code: string) => Promise<RoomInfo | undefined> = (code) => rooms().info(code),
): Promise<Lookup> {
  const code = normalizeCode(rawCode);
  const limited = await over("badCode", clientKey);
  if (limited && !(code && (await isMember(code)))) return { ok: false, failure: limited };
  const room = code ? await info(code) : undefined;
  if (room) return { ok: true, room };
  const nowLimited = await take("badCode", clientKey);
  return { ok: false, failure: nowLimited ?? fail("room-not-found") };
}

async function isMember(code: string): Promise<boolean> {
  return Boolean(await currentAttendee(code)) || (await isOrganizer(code));
}
