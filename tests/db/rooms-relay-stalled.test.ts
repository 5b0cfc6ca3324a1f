import { createServer, connect, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoomBus } from "@/lib/rooms/bus";
import { CHANNEL, PgRelay } from "@/lib/rooms/pg-relay";
import { freshDatabase } from "./fresh-database";

/**
 * The relay's database accepts TCP and then says nothing (a stalled server, a black-holing
 * firewall): opening a stream must not wait on it for more than a moment, and the listening
 * connection must give up and try again. A TCP proxy in front of the test cluster plays the
 * stalled server; the timeouts are the relay's own, made short here.
 */

/** A TCP proxy to `target` that holds the n-th connection (from 1) until `hold(n)` resolves (never, if it never does). */
async function stallingProxy(target: URL, hold: (n: number) => Promise<void> | undefined) {
  const sockets = new Set<Socket>();
  let count = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((socket) => {
    const n = ++count;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    for (const w of waiters.filter((w) => count >= w.n)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
    // Not reading yet: what the client sends waits in the socket.
    void (hold(n) ?? Promise.resolve()).then(() => {
      if (socket.destroyed) return;
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(upstream);
      upstream.on("close", () => (sockets.delete(upstream), socket.destroy()));
      upstream.on("error", () => undefined);
      socket.on("close", () => upstream.destroy());
      socket.pipe(upstream).pipe(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    connections: () => count,
    /** Resolves once the proxy has accepted `n` connections. */
    accepted: (n: number) => (count >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const never = new Promise<void>(() => undefined);
const noStore = { info: async () => undefined, sharedAccounts: async () => ({}), closingSummary: async () => undefined };

/** A stream as the bus sees it: the chunks it got and the retries it was told, with promises for the first of each. */
function stream(bus: RoomBus, code: string) {
  const ends: number[] = [];
  const chunks: string[] = [];
  let ended = () => {};
  let sent = () => {};
  const firstEnd = new Promise<void>((resolve) => (ended = resolve));
  const firstChunk = new Promise<void>((resolve) => (sent = resolve));
  const off = bus.subscribe(code, {
    view: "board",
    send: (c) => (chunks.push(new TextDecoder().decode(c)), sent()),
    end: (ms) => (ends.push(ms), ended()),
  });
  return { ends, chunks, ended: firstEnd, got: firstChunk, off };
}

// Failing tests here would otherwise wait for ever on a connection that never answers.
const TEST_TIMEOUT = 15_000;

describe("rooms relay with a database that accepts and never answers", () => {
  let url: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    url = await freshDatabase();
  });

  afterAll(async () => {
    for (const clean of cleanups.reverse()) await clean();
  });

  it("does not keep a stream waiting for a listening connection that hangs", { timeout: TEST_TIMEOUT }, async () => {
    const proxy = await stallingProxy(new URL(url), () => never);
    cleanups.push(proxy.close);
    const relay = new PgRelay({ url: proxy.url, bus: new RoomBus(), store: noStore, timing: { connectTimeoutMs: 60_000, listenWaitMs: 200 } });
    cleanups.push(() => relay.close());
    await relay.listen();
    // Still the first try, still hanging: the wait was cut short, not the connection.
    expect(proxy.connections()).toBe(1);
    // Later streams do not wait again.
    await relay.listen();
  });

  it("gives up on a connection that hangs, tries again, and restarts the streams opened meanwhile", { timeout: TEST_TIMEOUT }, async () => {
    const proxy = await stallingProxy(new URL(url), (n) => (n === 1 ? never : undefined));
    cleanups.push(proxy.close);
    const bus = new RoomBus();
    const relay = new PgRelay({ url: proxy.url, bus, store: noStore, instanceId: "R1", timing: { connectTimeoutMs: 300, listenWaitMs: 100 } });
    cleanups.push(() => relay.close());
    await relay.listen();
    const early = stream(bus, "ROOM01");
    await proxy.accepted(2);
    // Listening through the second connection: the stream opened before may have missed events.
    await early.ended;
    expect(early.ends).toHaveLength(1);

    // And it hears the other instances now.
    const later = stream(bus, "ROOM01");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const event = { type: "progress", attendeeId: 1, step: "root-mfa", at: 1 };
    await admin.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ from: "other", items: [{ code: "ROOM01", event }] })]);
    await admin.end();
    await later.got;
    expect(later.chunks[0]).toContain('"attendeeId":1');
    later.off();
  });

  it("restarts streams opened while a slow first connection was still being made", { timeout: TEST_TIMEOUT }, async () => {
    let release = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const proxy = await stallingProxy(new URL(url), (n) => (n === 1 ? slow : undefined));
    cleanups.push(proxy.close);
    const bus = new RoomBus();
    const relay = new PgRelay({ url: proxy.url, bus, store: noStore, instanceId: "R2", timing: { connectTimeoutMs: 60_000, listenWaitMs: 100 } });
    cleanups.push(() => relay.close());
    await relay.listen();
    const early = stream(bus, "ROOM02");
    release();
    // The first try succeeds at last, with no reconnect: the stream is restarted all the same.
    await early.ended;
    expect(proxy.connections()).toBe(1);
  });
});
