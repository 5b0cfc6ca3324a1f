import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresDatabase, type PgDatabase, type Queryable } from "@/lib/db/postgres";
import { subscribe } from "@/lib/rooms/bus";
import { ROOMS_PG_MIGRATIONS } from "@/lib/rooms/migrations";
import type { RoomEvent } from "@/lib/rooms/model";
import { recordProgress } from "@/lib/rooms/progress";
import { PostgresRoomStore } from "@/lib/rooms/store-postgres";
import type { Seat } from "@/lib/rooms/store";
import type { StepId } from "@/workshops";
import { freshDatabase } from "./fresh-database";

/**
 * What a check run in a room costs the database (lib/rooms/progress.ts): every statement the
 * store sends goes through a counting PgDatabase (a transaction counts as BEGIN … COMMIT).
 */
function counting(db: PgDatabase) {
  const statements: string[] = [];
  const counted = (q: Queryable): Queryable => ({
    query: (text, params) => {
      statements.push(text.trim().split(/\s+/)[0]);
      return q.query(text, params);
    },
  });
  const wrapped: PgDatabase = {
    ...db,
    query: counted(db).query,
    transaction: async (fn) => {
      statements.push("BEGIN");
      const value = await db.transaction((tx) => fn(counted(tx)));
      statements.push("COMMIT");
      return value;
    },
  };
  return { db: wrapped, statements };
}

/** The room's events as an organizer's stream on this instance gets them. */
function listen(code: string, into: RoomEvent[]): () => void {
  const decoder = new TextDecoder();
  return subscribe(code, {
    view: "organizer",
    send: (chunk) => void into.push(JSON.parse(decoder.decode(chunk).split("\ndata: ")[1]) as RoomEvent),
    end: () => undefined,
  });
}

let db: PgDatabase;

beforeAll(async () => {
  db = postgresDatabase(await freshDatabase(), ROOMS_PG_MIGRATIONS);
});

afterAll(async () => {
  await db.pool.end();
});

describe("a check run's report in a room", () => {
  it("writes only when a step is newly done or the account changed", async () => {
    const { db: countedDb, statements } = counting(db);
    const store = new PostgresRoomStore(countedDb);
    const { room } = await store.createRoom({
      title: "hot path",
      date: "2026-11-29",
      language: "ja",
      steps: ["root-access-keys", "root-mfa", "password-policy", "teardown"] as StepId[],
    });
    const joined = await store.join(room.code, "hanako", "acct-1");
    if (!joined.ok) throw new Error(joined.reason);
    const events: RoomEvent[] = [];
    const off = listen(room.code, events);
    /** The seat as the action reads it (once, before its checks run), then the report's statements. */
    const report = async (done: StepId[], accountKey: string | null) => {
      const seat: Seat = (await store.attendeeByToken(joined.token))!;
      statements.length = 0;
      events.length = 0;
      await recordProgress(seat, done, accountKey, store);
      return [...statements];
    };
    try {
      // Something new: the one transaction that records it, and the board hears of it.
      expect(await report(["root-mfa"], "acct-1")).toEqual(["BEGIN", "SELECT", "INSERT", "COMMIT"]);
      expect(events.map((e) => e.type)).toEqual(["progress"]);

      // The same step again, the same account, or no account: nothing reaches the database.
      expect(await report(["root-mfa"], "acct-1")).toEqual([]);
      expect(await report(["root-mfa", "root-mfa"], null)).toEqual([]);
      expect(await report([], "acct-1")).toEqual([]);
      expect(events).toEqual([]);

      // A new step beside recorded ones writes, and only the new one is news.
      expect(await report(["root-mfa", "password-policy"], "acct-1")).toEqual(["BEGIN", "SELECT", "INSERT", "COMMIT"]);
      expect(events).toMatchObject([{ type: "progress", step: "password-policy" }]);

      // Another account with nothing new: the key is written and the organizers hear of it.
      expect(await report(["root-mfa"], "acct-2")).toEqual(["BEGIN", "SELECT", "UPDATE", "COMMIT", "SELECT"]);
      expect(events.map((e) => e.type)).toEqual(["accounts"]);
      expect(await report(["root-mfa"], "acct-2")).toEqual([]);
    } finally {
      off();
    }
  });

  it("a seat read before another instance recorded the step still records nothing twice", async () => {
    const store = new PostgresRoomStore(db);
    const { room } = await store.createRoom({ title: "race", date: "2026-11-29", language: "en", steps: ["root-mfa"] as StepId[] });
    const joined = await store.join(room.code, "ken", "acct-1");
    if (!joined.ok) throw new Error(joined.reason);
    const stale = (await store.attendeeByToken(joined.token))!;
    await store.recordDone(joined.attendee.id, ["root-mfa"], "acct-1");
    const events: RoomEvent[] = [];
    const off = listen(room.code, events);
    try {
      await recordProgress(stale, ["root-mfa"], "acct-1", store);
      expect(events).toEqual([]);
      expect(Object.keys((await store.attendeeByToken(joined.token))!.attendee.done)).toEqual(["root-mfa"]);
    } finally {
      off();
    }
  });
});
