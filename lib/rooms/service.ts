import "server-only";
import type Database from "better-sqlite3";
import { database } from "@/lib/db";
import { ROOMS_MIGRATIONS } from "./migrations";
import { readAttendeeToken, readOrganizerKey } from "./cookies";
import type { BoardAttendee } from "./model";
import { looksLikeSecret } from "./secrets";
import { RoomStore } from "./store";

const stores = new WeakMap<Database.Database, RoomStore>();

/** The store over the process's one database. */
export function rooms(): RoomStore {
  const db = database(ROOMS_MIGRATIONS);
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new RoomStore(db)));
  return store;
}

/** The attendee this request's cookie names, if it belongs to `code` (or to any room when omitted). */
export async function currentAttendee(code?: string): Promise<Seat | undefined> {
  const token = await readAttendeeToken();
  if (!looksLikeSecret(token)) return undefined;
  const found = rooms().attendeeByToken(token);
  if (!found || (code !== undefined && found.code !== code)) return undefined;
  return found;
}

/** The room seat this request's attendee cookie names. */
export type Seat = { attendee: BoardAttendee; code: string };

/** currentAttendee() for any room, undefined when the lookup fails (checks and their reports go on). */
export function currentSeat(): Promise<Seat | undefined> {
  return currentAttendee().catch(() => undefined);
}

/** Whether this request carries the organizer key of `code`. */
export async function isOrganizer(code: string): Promise<boolean> {
  const key = await readOrganizerKey();
  return looksLikeSecret(key) && rooms().verifyOrganizer(code, key);
}
