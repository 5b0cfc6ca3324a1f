import "server-only";
import type Database from "better-sqlite3";
import { database } from "@/lib/db";
import { storeBackend } from "@/lib/db/backend";
import { postgresDatabase } from "@/lib/db/postgres";
import { ROOMS_MIGRATIONS, ROOMS_PG_MIGRATIONS } from "./migrations";
import { readAttendeeToken, readOrganizerKey } from "./cookies";
import type { BoardAttendee } from "./model";
import { looksLikeSecret } from "./secrets";
import type { RoomStore, Seat } from "./store";
import { SqliteRoomStore } from "./store-sqlite";
import { PostgresRoomStore } from "./store-postgres";

const stores = new WeakMap<object, RoomStore>();

/** The store over the process's database: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR. */
export function rooms(): RoomStore {
  const backend = storeBackend();
  const db: Database.Database | ReturnType<typeof postgresDatabase> =
    backend.kind === "postgres" ? postgresDatabase(backend.url, ROOMS_PG_MIGRATIONS) : database(ROOMS_MIGRATIONS);
  const key = "pool" in db ? db.pool : db;
  let store = stores.get(key);
  if (!store) {
    store = "pool" in db ? new PostgresRoomStore(db) : new SqliteRoomStore(db);
    stores.set(key, store);
  }
  return store;
}

export type { Seat };

/** An attendee and their room's code, as pages and streams may use them (no account key). */
export type RoomMember = { attendee: BoardAttendee; code: string };

async function seatOf(code?: string): Promise<Seat | undefined> {
  const token = await readAttendeeToken();
  if (!looksLikeSecret(token)) return undefined;
  const found = await rooms().attendeeByToken(token);
  if (!found || (code !== undefined && found.code !== code)) return undefined;
  return found;
}

/** The attendee this request's cookie names, if it belongs to `code` (or to any room when omitted). */
export async function currentAttendee(code?: string): Promise<RoomMember | undefined> {
  const seat = await seatOf(code);
  return seat && { attendee: seat.attendee, code: seat.code };
}

/**
 * The seat (with its account key, for the check report) this request's attendee cookie names,
 * in any room; undefined when the lookup fails (checks and their reports go on).
 */
export function currentSeat(): Promise<Seat | undefined> {
  return seatOf().catch(() => undefined);
}

/** Whether this request carries the organizer key of `code`. */
export async function isOrganizer(code: string): Promise<boolean> {
  const key = await readOrganizerKey();
  return looksLikeSecret(key) && (await rooms().verifyOrganizer(code, key));
}
