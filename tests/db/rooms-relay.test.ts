import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresDatabase, postgresPool } from "@/lib/db/postgres";
import { ROOMS_PG_MIGRATIONS } from "@/lib/rooms/migrations";
import { encodeEvent, RoomBus } from "@/lib/rooms/bus";
import { ANNOUNCEMENT_MAX, cleanNickname, type RoomEvent, type StreamView } from "@/lib/rooms/model";
import { CHANNEL, MAX_PAYLOAD_BYTES, PgRelay, type NotifyPool } from "@/lib/rooms/pg-relay";
import { PostgresRoomStore } from "@/lib/rooms/store-postgres";
import { freshDatabase } from "./fresh-database";

/**
 * Two "instances" in one process (a RoomBus and a PgRelay each) against one real PostgreSQL.
 * Nothing here waits for a time: each test waits for the chunk it expects, and the order
 * PostgreSQL delivers notifications in tells when something did not come.
 */

const decoder = new TextDecoder();

/** A list that can be waited on: `until(test)` resolves once `test()` holds. */
function watched<T>() {
  const items: T[] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  return {
    items,
    push(item: T) {
      items.push(item);
      for (const w of [...waiters]) if (w.test()) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
    },
    until: (test: () => boolean) => (test() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ test, resolve }))),
  };
}

/** A stream as the bus sees it: the chunks it got, the retries it was told. */
function stream(bus: RoomBus, code: string, view: StreamView, attendeeId?: number) {
  const chunks = watched<string>();
  const ends = watched<number>();
  const off = bus.subscribe(code, { view, attendeeId, send: (c) => chunks.push(decoder.decode(c)), end: (ms) => ends.push(ms) });
  return {
    chunks: chunks.items,
    ends: ends.items,
    off,
    /** Resolves once a chunk containing `text` has arrived. */
    got: (text: string) => chunks.until(() => chunks.items.some((c) => c.includes(text))),
    ended: () => ends.until(() => ends.items.length > 0),
    events: () => chunks.items.map((c) => JSON.parse(c.split("\ndata: ")[1]) as RoomEvent),
  };
}

/** Publishes like lib/rooms/bus.ts `publish`: local streams at once, then the relay. */
function publisher(bus: RoomBus, relay: PgRelay) {
  return (code: string, event: RoomEvent) => {
    bus.deliver(code, event);
    relay.send(code, event);
  };
}

/** Every notification on the channel, as sent. */
async function spy(url: string) {
  const client = new pg.Client({ connectionString: url });
  const payloads = watched<string>();
  client.on("notification", (m) => payloads.push(m.payload ?? ""));
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return {
    payloads: payloads.items,
    /** Resolves once a notification containing `text` has arrived. */
    got: (text: string) => payloads.until(() => payloads.items.some((p) => p.includes(text))),
    /** What each notification from `from` carried, in order. */
    itemsFrom: (from: string) =>
      payloads.items.map((p) => JSON.parse(p) as { from: string; items: unknown[] }).filter((m) => m.from === from).flatMap((m) => m.items),
    close: () => client.end(),
  };
}

/** Publishes an event and waits until `on` (a stream on another instance) has it: whatever was sent before has arrived too. */
async function publishAndWait(publish: (code: string, e: RoomEvent) => void, code: string, on: ReturnType<typeof stream>, event: RoomEvent) {
  publish(code, event);
  await on.got(JSON.stringify(event));
}

const roomInput = { title: "JAWS DAYS", date: "2026-11-14", language: "ja" as const, steps: ["root-mfa" as const, "password-policy" as const] };

describe("rooms relay (LISTEN/NOTIFY between instances)", () => {
  let url: string;
  let store: PostgresRoomStore;
  const reads = { B: 0 };
  const busA = new RoomBus();
  const busB = new RoomBus();
  let relayA: PgRelay;
  let relayB: PgRelay;
  let publishA: (code: string, event: RoomEvent) => void;
  let publishB: (code: string, event: RoomEvent) => void;
  let code: string;

  beforeAll(async () => {
    url = await freshDatabase();
    store = new PostgresRoomStore(postgresDatabase(url, ROOMS_PG_MIGRATIONS));
    // B's reads, counted: notes are read only for rooms (and views) with streams on B.
    const storeB = {
      info: (c: string) => (reads.B++, store.info(c)),
      sharedAccounts: (c: string) => (reads.B++, store.sharedAccounts(c)),
      closingSummary: (c: string) => (reads.B++, store.closingSummary(c)),
    };
    relayA = new PgRelay({ url, bus: busA, store, instanceId: "A" });
    relayB = new PgRelay({ url, bus: busB, store: storeB, instanceId: "B" });
    await Promise.all([relayA.listen(), relayB.listen()]);
    publishA = publisher(busA, relayA);
    publishB = publisher(busB, relayB);
    code = (await store.createRoom({ ...roomInput, maxAttendees: 300 })).room.code;
  });

  afterAll(async () => {
    await relayA?.close();
    await relayB?.close();
    await postgresPool(url).end();
  });

  it("carries progress from A to a board on B, as the same bytes the local path sends, and A ignores its own", async () => {
    const boardA = stream(busA, code, "board");
    const boardB = stream(busB, code, "board");
    const progress: RoomEvent = { type: "progress", attendeeId: 41, step: "root-mfa", at: 1_000 };
    publishA(code, progress);
    await boardB.got('"attendeeId":41');
    expect(boardB.chunks).toEqual([decoder.decode(encodeEvent("progress", progress))]);

    // B answers after it heard A; A hears its own notification before B's, so by the time
    // B's arrives a duplicate would be there.
    const back: RoomEvent = { type: "removed", attendeeId: 42, at: 1_001 };
    publishB(code, back);
    await boardA.got('"attendeeId":42');
    expect(boardA.chunks).toEqual([encodeEvent("progress", progress), encodeEvent("removed", back)].map((c) => decoder.decode(c)));
    boardA.off();
    boardB.off();
  });

  it("keeps one instance's order, packing a burst into few notifications under the size limit", async () => {
    const seen = await spy(url);
    const boardB = stream(busB, code, "board");
    for (let i = 1; i <= 300; i++) publishA(code, { type: "progress", attendeeId: 1000 + i, step: "root-mfa", at: i });
    await boardB.got('"attendeeId":1300');
    expect(boardB.events().map((e) => (e.type === "progress" ? e.attendeeId - 1000 : 0))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    await seen.got('"attendeeId":1300');
    const fromA = seen.payloads.filter((p) => p.startsWith('{"from":"A"'));
    expect(fromA.length).toBeGreaterThan(1);
    expect(fromA.length).toBeLessThan(300);
    for (const p of fromA) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    await seen.close();
    boardB.off();
  });

  it("sends room changes as a note: B reads the room from the store", async () => {
    const seen = await spy(url);
    const attendeeB = stream(busB, code, "attendee", 7);
    const text = "あ".repeat(ANNOUNCEMENT_MAX);
    const room = (await store.announce(code, text))!;
    // What A's event says does not matter: B reads the store.
    publishA(code, { type: "room", room: { ...room, announcement: "stale" }, at: 5 });
    await attendeeB.got('"type":"room"');
    expect(attendeeB.events()).toEqual([{ type: "room", room, at: 5 }]);
    expect(Buffer.byteLength(JSON.stringify(room))).toBeGreaterThan(ANNOUNCEMENT_MAX * 3);

    await seen.got('"from":"A"');
    expect(seen.payloads).toEqual([JSON.stringify({ from: "A", items: [{ code, reread: "room", at: 5 }] })]);
    await seen.close();
    attendeeB.off();
  });

  it("sends a 300-attendee accounts map as a note, read on B only for organizer streams", async () => {
    // 300 attendees, two per account: 150 letters (A … EU).
    for (let i = 0; i < 300; i++) {
      const joined = await store.join(code, `attendee ${i}`, `account-${Math.floor(i / 2)}`);
      expect(joined.ok).toBe(true);
    }
    const map = await store.sharedAccounts(code);
    expect(Object.keys(map)).toHaveLength(300);
    const event: RoomEvent = { type: "accounts", sharedAccounts: map, at: 9 };
    const seen = await spy(url);

    // A board on B sees no accounts: nothing is read for it.
    const boardB = stream(busB, code, "board");
    const before = reads.B;
    publishA(code, event);
    await publishAndWait(publishA, code, boardB, { type: "progress", attendeeId: 5, step: "password-policy", at: 9 });
    expect(reads.B).toBe(before);
    expect(boardB.events().map((e) => e.type)).toEqual(["progress"]);

    const organizerB = stream(busB, code, "organizer");
    const second: RoomEvent = { ...event, at: 10 };
    publishA(code, second);
    await organizerB.got('"type":"accounts"');
    expect(organizerB.chunks).toEqual([decoder.decode(encodeEvent("accounts", second))]);
    expect(reads.B).toBe(before + 1);

    await seen.got('"reread":"accounts","at":10');
    expect(seen.itemsFrom("A")).toEqual([
      { code, reread: "accounts", at: 9 },
      { code, event: { type: "progress", attendeeId: 5, step: "password-policy", at: 9 } },
      { code, reread: "accounts", at: 10 },
    ]);
    for (const p of seen.payloads) expect(Buffer.byteLength(p)).toBeLessThan(200);
    // Inline it would be several KB (more with 500 attendees and long ids): no room for a batch.
    expect(Buffer.byteLength(JSON.stringify(event))).toBeGreaterThan(3_000);
    await seen.close();
    boardB.off();
    organizerB.off();
  });

  it("sends a join with the longest nickname inline, well under the limit", async () => {
    const heavy = ("あ" + "\u20d0".repeat(19)).repeat(20);
    const nickname = cleanNickname(heavy);
    expect(nickname).toEqual({ ok: true, nickname: heavy });
    const seen = await spy(url);
    const boardB = stream(busB, code, "board");
    const event: RoomEvent = { type: "joined", attendee: { id: 77, nickname: heavy, joinedAt: 3, done: {} }, at: 3 };
    publishA(code, event);
    await boardB.got('"id":77');
    expect(boardB.chunks).toEqual([decoder.decode(encodeEvent("joined", event))]);
    await seen.got('"id":77');
    const payload = seen.payloads.find((p) => p.includes('"id":77'))!;
    expect(Buffer.byteLength(payload)).toBeLessThan(2_000);
    await seen.close();
    boardB.off();
  });

  it("ignores events for rooms without streams here", async () => {
    const other = (await store.createRoom(roomInput)).room.code;
    const boardB = stream(busB, code, "board");
    const before = reads.B;
    publishA(other, { type: "room", room: (await store.info(other))!, at: 1 });
    // A later notification arrives after it: by then B has skipped the note without reading.
    await publishAndWait(publishA, code, boardB, { type: "progress", attendeeId: 8, step: "root-mfa", at: 2 });
    expect(reads.B).toBe(before);
    boardB.off();
  });

  it("restarts the room's streams elsewhere when an event cannot fit (never with the model's limits)", async () => {
    const boardB = stream(busB, code, "board");
    publishA(code, { type: "joined", attendee: { id: 88, nickname: "x".repeat(MAX_PAYLOAD_BYTES), joinedAt: 1, done: {} }, at: 1 });
    await boardB.ended();
    expect(boardB.chunks).toEqual([]);
    boardB.off();
  });

  /** The shared pool, failing its next `failures` queries as a saturated pool or a database away for a while would. */
  function failingPool(failures: number): NotifyPool {
    const real = postgresPool(url);
    return {
      query: (text, params) => (failures-- > 0 ? Promise.reject(new Error("injected: no connection")) : real.query(text, params)),
    };
  }

  const progress = (attendeeId: number, at = attendeeId): RoomEvent => ({ type: "progress", attendeeId, step: "root-mfa", at });

  it("after dropping a notification, restarts that room's streams elsewhere in the next one that gets through", async () => {
    const other = (await store.createRoom(roomInput)).room.code;
    const seen = await spy(url);
    const boardB = stream(busB, code, "board");
    const otherB = stream(busB, other, "board");
    // Every try of the first notification fails; then sending works again.
    const relayC = new PgRelay({ url, bus: new RoomBus(), store, instanceId: "C", pool: failingPool(3) });
    relayC.send(code, progress(51));
    relayC.send(other, progress(52));
    await otherB.got('"attendeeId":52');
    // The restart came first, in the same notification: B's board of `code` comes back for a fresh snapshot.
    expect(boardB.ends).toHaveLength(1);
    expect(boardB.chunks).toEqual([]);
    expect(otherB.ends).toEqual([]);
    await seen.got('"attendeeId":52');
    expect(seen.itemsFrom("C")).toEqual([
      { code, restart: true },
      { code: other, event: progress(52) },
    ]);
    await relayC.close();
    await seen.close();
    boardB.off();
    otherB.off();
  });

  it("after dropping a notification, sends the restart even when nothing else is sent", { timeout: 15_000 }, async () => {
    const boardB = stream(busB, code, "board");
    const relayC = new PgRelay({ url, bus: new RoomBus(), store, instanceId: "C2", pool: failingPool(3), timing: { resendMs: 50 } });
    relayC.send(code, progress(53));
    await boardB.ended();
    expect(boardB.chunks).toEqual([]);
    await relayC.close();
    boardB.off();
  });

  it("sends what is queued when closed, including events published while it closes", async () => {
    const real = postgresPool(url);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const relayD = new PgRelay({ url, bus: new RoomBus(), store, instanceId: "D", pool: { query: (text, params) => held.then(() => real.query(text, params)) } });
    const boardB = stream(busB, code, "board");
    relayD.send(code, progress(61));
    relayD.send(code, progress(62));
    const closing = relayD.close();
    // An action that finishes during the shutdown grace publishes after close() began.
    relayD.send(code, progress(63));
    release();
    await closing;
    // Sent after D's had gone out, so it arrives after them.
    await publishAndWait(publishA, code, boardB, progress(64));
    expect(boardB.events()).toEqual([progress(61), progress(62), progress(63), progress(64)]);
    // Closed now: nothing more goes out.
    relayD.send(code, progress(65));
    await publishAndWait(publishA, code, boardB, progress(66));
    expect(boardB.events().map((e) => (e.type === "progress" ? e.attendeeId : 0))).toEqual([61, 62, 63, 64, 66]);
    boardB.off();
  });

  it("stops waiting for a database that does not answer when closing", { timeout: 15_000 }, async () => {
    const relayE = new PgRelay({ url, bus: new RoomBus(), store, instanceId: "E", pool: { query: () => new Promise(() => undefined) }, timing: { drainMs: 100 } });
    relayE.send(code, progress(71));
    await relayE.close();
  });

  it("reconnects after its listening connection is killed; its streams restart from a snapshot", async () => {
    const boardA = stream(busA, code, "board");
    const boardB = stream(busB, code, "board");
    const organizerB = stream(busB, code, "organizer");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ killed: boolean }>(
      "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'hajime-relay-B'",
    );
    await admin.end();
    expect(rows).toEqual([{ killed: true }]);

    // Listening again: every stream B had is told to come back (1–4 s) for a fresh snapshot.
    await Promise.all([boardB.ended(), organizerB.ended()]);
    for (const ms of [...boardB.ends, ...organizerB.ends]) {
      expect(ms).toBeGreaterThanOrEqual(1000);
      expect(ms).toBeLessThan(4000);
    }
    // A new stream on B hears A again; A's streams never noticed.
    const again = stream(busB, code, "board");
    await publishAndWait(publishA, code, again, { type: "progress", attendeeId: 9, step: "root-mfa", at: 3 });
    expect(boardA.ends).toEqual([]);
    boardA.off();
    again.off();
  });
});
