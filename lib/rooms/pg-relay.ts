import { randomUUID } from "node:crypto";
import pg from "pg";
import { postgresPool } from "@/lib/db/postgres";
import { detached } from "@/lib/lifecycle";
import type { RoomBus } from "./bus";
import type { RoomEvent } from "./model";
import type { RoomStore } from "./store";

/**
 * Room events between instances sharing one PostgreSQL (DATABASE_URL), by LISTEN/NOTIFY on
 * one channel.
 *
 * Sending: `pg_notify` on the shared pool, one notification in flight at a time; events
 * published meanwhile wait and go together in the next one (filled up to MAX_PAYLOAD_BYTES,
 * well under PostgreSQL's 8,000). A notification carries the sender's id and, per event, the
 * room code and either the event itself (joined, progress, removed: small, a nickname is at
 * most 20 graphemes) or a note to re-read it (room, accounts, closed: values the store holds
 * whole, and an accounts map for hundreds of attendees is several KB).
 *
 * Receiving: one dedicated connection (not from the pool) LISTENs. Notifications from this
 * instance are ignored (its streams had the event at once). Events for rooms without streams
 * here are dropped; notes are read from the store only when a stream here would see them.
 *
 * Order: one instance's events reach every other instance in the order it published them
 * (one notification at a time, and PostgreSQL delivers notifications in commit order). Per
 * room, events and notes are delivered in arrival order: an event waits for the notes read
 * before it. A note delivers the store's value when read, at least as new as the write it
 * announces, so room settings converge on the last write even when organizers on two
 * instances change them at once. Events from different instances have no order between them;
 * boards apply joined/progress/removed idempotently, in any order (board-state.ts).
 *
 * A lost listening connection is retried with backoff, and so is an attempt that gets no
 * answer in time. Events sent meanwhile are not replayed: once listening again, every stream
 * here ends with `retry:`, and its client comes back from a fresh snapshot. Opening a stream
 * waits for the first try to listen a few seconds at most, for the same reason.
 *
 * A notification that cannot be sent after a few tries is dropped (logged), and its rooms are
 * owed a restart: the next notification that goes out (a few seconds later if nothing else is
 * sent) starts with a `restart` item for each, and the receivers end those rooms' streams.
 */

export const CHANNEL = "hajime_rooms";
export const MAX_PAYLOAD_BYTES = 4000;
const HEARTBEAT_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
const SEND_TRIES = 3;

/** How long the relay waits for things that may never answer. */
export type RelayTiming = {
  /** A connection attempt for listening (pg's default is no limit: a server that accepts and never answers would hold it for ever). */
  connectTimeoutMs: number;
  /** How long opening a stream waits for the first try to listen. */
  listenWaitMs: number;
  /** After a dropped notification, when to try again to send the restarts it owes if nothing else is sent. */
  resendMs: number;
  /** How long close() goes on sending what is queued. */
  drainMs: number;
};

/** How long close() waits for the listening connection to end. */
const END_WAIT_MS = 1_000;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

const TIMING: RelayTiming = { connectTimeoutMs: 10_000, listenWaitMs: 3_000, resendMs: 5_000, drainMs: 2_000 };

type Reread = "room" | "accounts" | "closed";
/** One event in a notification: the event, a note to read it from the store, or "restart the room's streams". */
type Item = { code: string; event: RoomEvent } | { code: string; reread: Reread; at: number } | { code: string; restart: true };
type Message = { from: string; items: Item[] };

/** What sending needs of a pool. */
export type NotifyPool = { query: (text: string, params: unknown[]) => Promise<unknown> };

export type PgRelayOptions = {
  url: string;
  /** This instance's streams. */
  bus: RoomBus;
  store: Pick<RoomStore, "info" | "sharedAccounts" | "closingSummary">;
  instanceId?: string;
  /** Where notifications are sent from: the process's pool unless given. */
  pool?: NotifyPool;
  /** Shorter waits in tests. */
  timing?: Partial<RelayTiming>;
};

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function itemOf(code: string, event: RoomEvent): Item {
  switch (event.type) {
    case "room":
    case "accounts":
    case "closed":
      return { code, reread: event.type, at: event.at };
    default:
      return { code, event };
  }
}

export class PgRelay {
  readonly instanceId: string;
  private readonly pool: NotifyPool;
  private readonly head: string;
  /** Bytes left for the items of one notification, commas included. */
  private readonly room: number;
  /** Items to send, encoded, with their room. */
  private outbox: { code: string; text: string }[] = [];
  private sending = false;
  /** Rooms with events in a dropped notification: their streams elsewhere are owed a restart. */
  private readonly dropped = new Set<string>();
  private resendTimer?: NodeJS.Timeout;
  /** Called when sending stops with nothing queued (close() waits for it). */
  private idle?: () => void;
  private closing?: Promise<void>;
  private readonly timing: RelayTiming;
  private listener?: pg.Client;
  private listeningNow = false;
  private firstWait?: Promise<void>;
  /** Not listening since something may have been sent: streams restart once listening again. */
  private missed = false;
  private failures = 0;
  private closed = false;
  private retryTimer?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  /** Per room, the tail of the events waiting for a note to be read. */
  private readonly reading = new Map<string, Promise<void>>();
  private readonly queuedNotes = new Set<string>();

  constructor(private readonly options: PgRelayOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.timing = { ...TIMING, ...options.timing };
    this.pool = options.pool ?? postgresPool(options.url);
    this.head = `{"from":${JSON.stringify(this.instanceId)},"items":[`;
    this.room = MAX_PAYLOAD_BYTES - bytes(this.head) - bytes("]}");
  }

  /** Sends the event to the other instances (this one's streams are the caller's). */
  send(code: string, event: RoomEvent): void {
    if (this.closed) return;
    let item = JSON.stringify(itemOf(code, event));
    // Never expected with the model's limits; the room's streams elsewhere then start over.
    if (bytes(item) > this.room) item = JSON.stringify({ code, restart: true });
    this.outbox.push({ code, text: item });
    this.kick();
  }

  private kick(): void {
    if (this.sending || this.closed) return;
    this.sending = true;
    // Outside the request that published first: the loop may go on for others'.
    void detached(() => this.flush());
  }

  private async flush(): Promise<void> {
    clearTimeout(this.resendTimer);
    while (!this.closed && (this.outbox.length > 0 || this.dropped.size > 0)) {
      const texts: string[] = [];
      let size = -1;
      const add = (text: string) => {
        if (texts.length > 0 && size + 1 + bytes(text) > this.room) return false;
        texts.push(text);
        size += 1 + bytes(text);
        return true;
      };
      // The restarts owed go first: receivers end those rooms' streams before anything newer.
      const restarts = [...this.dropped].filter((code) => add(JSON.stringify({ code, restart: true })));
      let n = 0;
      if (restarts.length === this.dropped.size) while (n < this.outbox.length && add(this.outbox[n].text)) n++;
      const batch = this.outbox.splice(0, n);
      if (await this.notify(`${this.head}${texts.join(",")}]}`)) {
        for (const code of restarts) this.dropped.delete(code);
      } else {
        for (const item of batch) this.dropped.add(item.code);
        // Only restarts left: they are tried again later, not in a loop.
        if (this.outbox.length === 0) break;
      }
    }
    this.sending = false;
    if (this.dropped.size > 0 && !this.closing) {
      this.resendTimer = setTimeout(() => this.kick(), this.timing.resendMs);
      this.resendTimer.unref();
    }
    if (this.outbox.length === 0) this.idle?.();
  }

  /** Whether the notification went out (a few tries). */
  private async notify(payload: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.pool.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
        return true;
      } catch (error) {
        if (attempt >= SEND_TRIES || this.closed) {
          console.error("rooms relay: a notification was dropped (its rooms' streams elsewhere will restart):", (error as Error)?.message ?? "error");
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  /**
   * Starts listening; resolves once the first try has succeeded or failed (a failed one is
   * retried), or after `listenWaitMs` if it has done neither: a stream opened before this
   * instance listens is restarted once it does.
   */
  listen(): Promise<void> {
    // The connection and its timers outlive the request that asked first.
    return (this.firstWait ??= detached(() => {
      const firstTry = this.connect();
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if (!this.listeningNow) this.missed = true;
          resolve();
        }, this.timing.listenWaitMs);
        timer.unref();
      });
      return Promise.race([firstTry, waited]).finally(() => clearTimeout(timer));
    }));
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      // Which instance listens, in pg_stat_activity.
      application_name: `hajime-relay-${this.instanceId}`.slice(0, 63),
      connectionTimeoutMillis: this.timing.connectTimeoutMs,
      query_timeout: 10_000,
      keepAlive: true,
    });
    this.listener = client;
    // Without an 'error' listener a lost connection would kill the process.
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (this.listener === client && message.channel === CHANNEL) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.listener !== client) return;
    this.listeningNow = true;
    this.failures = 0;
    // A connection dropped without a word (a firewall, a dead peer) shows up here.
    this.heartbeat = setInterval(() => void client.query("SELECT 1").catch(() => this.lost(client)), HEARTBEAT_MS);
    this.heartbeat.unref();
    if (this.missed) {
      this.missed = false;
      this.options.bus.restart();
    }
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listeningNow = false;
    clearInterval(this.heartbeat);
    void client.end().catch(() => undefined);
    if (this.closing) return;
    this.missed = true;
    this.failures += 1;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.failures) + Math.random() * 250;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  private receive(payload: string | undefined): void {
    // Whatever arrives, the connection's event handler must not throw.
    try {
      const message = JSON.parse(payload ?? "") as Message;
      if (message.from === this.instanceId || !Array.isArray(message.items)) return;
      for (const item of message.items) this.take(item);
    } catch {
      // Not ours.
    }
  }

  private take(item: Item): void {
    const { code } = item;
    const { bus } = this.options;
    if (typeof code !== "string" || bus.count(code) === 0) return;
    if ("restart" in item) return bus.restart(code);
    if ("event" in item && !this.reading.has(code)) return bus.deliver(code, item.event);
    let key = "";
    if ("reread" in item) {
      key = `${code} ${item.reread}`;
      // A note already waiting will read the newer value too.
      if (!bus.wants(code, item.reread) || this.queuedNotes.has(key)) return;
      this.queuedNotes.add(key);
    }
    const next = (this.reading.get(code) ?? Promise.resolve())
      .then(async () => {
        if ("event" in item) return bus.deliver(code, item.event);
        this.queuedNotes.delete(key);
        const event = await this.current(code, item as Extract<Item, { reread: Reread }>);
        if (event) bus.deliver(code, event);
      })
      // Could not read it: the room's streams here start over from a snapshot.
      .catch(() => bus.restart(code));
    this.reading.set(code, next);
    void next.then(() => {
      if (this.reading.get(code) === next) this.reading.delete(code);
    });
  }

  private async current(code: string, note: { reread: Reread; at: number }): Promise<RoomEvent | undefined> {
    const { store } = this.options;
    switch (note.reread) {
      case "room": {
        const room = await store.info(code);
        return room && { type: "room", room, at: note.at };
      }
      case "accounts":
        return { type: "accounts", sharedAccounts: await store.sharedAccounts(code), at: note.at };
      case "closed": {
        const summary = await store.closingSummary(code);
        return summary && { type: "closed", summary, at: note.at };
      }
    }
  }

  /**
   * Stops listening, sends what is queued and what is published meanwhile (actions finishing
   * during shutdown) for up to `drainMs`, then stops sending.
   */
  close(): Promise<void> {
    return (this.closing ??= this.shutDown());
  }

  private async shutDown(): Promise<void> {
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    clearTimeout(this.resendTimer);
    const client = this.listener;
    this.listener = undefined;
    this.listeningNow = false;
    const drained = new Promise<void>((resolve) => {
      this.idle = resolve;
      if (this.outbox.length === 0 && this.dropped.size === 0 && !this.sending) resolve();
      // A last try for the restarts owed.
      else this.kick();
    });
    await Promise.all([
      Promise.race([drained, sleep(this.timing.drainMs)]),
      // A connection still being made to a server that does not answer ends only when its
      // connect timeout cuts it: shutdown does not wait for that.
      Promise.race([client?.end().catch(() => undefined), sleep(END_WAIT_MS)]),
    ]);
    this.closed = true;
  }
}
