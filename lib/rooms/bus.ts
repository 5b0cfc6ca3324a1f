import "server-only";
import { storeBackend } from "@/lib/db/backend";
import { registerShutdownHook } from "@/lib/lifecycle";
import type { RoomEvent, StreamView } from "./model";
import { PgRelay } from "./pg-relay";
import { rooms } from "./service";

/**
 * Room events to open event streams. A RoomBus fans out to this process's streams: each
 * event is encoded once and the same bytes go to every stream that may see it. With
 * DATABASE_URL, `publish` also hands the event to the process's PgRelay (./pg-relay.ts),
 * which carries it to the other instances. One bus and one relay per process (on
 * globalThis): Next bundles route handlers and server actions separately.
 */

export type Subscriber = {
  view: StreamView;
  /** Attendee streams see room-wide events and their own. */
  attendeeId?: number;
  send: (chunk: Uint8Array) => void;
  /** Ends the stream after telling the client when to come back. */
  end: (retryMs: number) => void;
};

const encoder = new TextEncoder();

export function encodeEvent(type: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** How long a restarted stream waits before coming back: 1–4 s, so a full room does not return at once. */
export function spreadRetryMs(): number {
  return 1000 + Math.floor(Math.random() * 3000);
}

function sees(s: Subscriber, event: RoomEvent): boolean {
  switch (event.type) {
    case "room":
    case "closed":
      return true;
    case "accounts":
      return s.view === "organizer";
    case "joined":
      return s.view !== "attendee";
    case "progress":
    case "removed":
      return s.view !== "attendee" || s.attendeeId === event.attendeeId;
    default:
      return false;
  }
}

export class RoomBus {
  private readonly rooms = new Map<string, Set<Subscriber>>();

  subscribe(code: string, subscriber: Subscriber): () => void {
    let set = this.rooms.get(code);
    if (!set) this.rooms.set(code, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.rooms.get(code) === set) this.rooms.delete(code);
    };
  }

  /** To this process's streams of the room that may see it. */
  deliver(code: string, event: RoomEvent): void {
    const set = this.rooms.get(code);
    if (!set || set.size === 0) return;
    const chunk = encodeEvent(event.type, event);
    for (const s of set) {
      if (!sees(s, event)) continue;
      try {
        s.send(chunk);
      } catch {
        // A stream that closed under us unsubscribes itself.
      }
    }
  }

  /** Whether a stream here would see an event of this type (asked before reading one from the store). */
  wants(code: string, type: "room" | "accounts" | "closed"): boolean {
    const set = this.rooms.get(code);
    if (!set) return false;
    return type !== "accounts" || [...set].some((s) => s.view === "organizer");
  }

  count(code: string): number {
    return this.rooms.get(code)?.size ?? 0;
  }

  /** Every open stream, of one room or of all. */
  subscribers(code?: string): Subscriber[] {
    const sets = code === undefined ? [...this.rooms.values()] : [this.rooms.get(code) ?? new Set<Subscriber>()];
    return sets.flatMap((set) => [...set]);
  }

  /** Ends streams (of one room, or all) with `retry:`: their clients come back and start from a fresh snapshot. */
  restart(code?: string): void {
    for (const s of this.subscribers(code)) s.end(spreadRetryMs());
  }
}

type Events = { local: RoomBus; relay?: PgRelay };
const KEY = Symbol.for("hajime.rooms.events");
const g = globalThis as unknown as Record<symbol, Events | undefined>;
const events: Events = (g[KEY] ??= { local: new RoomBus() });

/** The process's relay, made the first time it is needed, only with DATABASE_URL. */
function relay(): PgRelay | undefined {
  if (events.relay) return events.relay;
  const backend = storeBackend();
  if (backend.kind !== "postgres") return undefined;
  events.relay = new PgRelay({ url: backend.url, bus: events.local, store: rooms() });
  return events.relay;
}

export function subscribe(code: string, subscriber: Subscriber): () => void {
  return events.local.subscribe(code, subscriber);
}

/** To this process's streams at once, and through PostgreSQL to the other instances' (with DATABASE_URL). */
export function publish(code: string, event: RoomEvent): void {
  events.local.deliver(code, event);
  relay()?.send(code, event);
}

/**
 * Resolves once this instance listens for the other instances' events (at once without
 * DATABASE_URL, or once the first try to listen has succeeded or failed, or after a few
 * seconds). The events route waits for it before opening a stream, so the first stream misses
 * nothing; one opened before the instance listens is restarted once it does.
 */
export async function listening(): Promise<void> {
  await relay()?.listen();
}

export function subscriberCount(code: string): number {
  return events.local.count(code);
}

/** Every open stream, in every room (shutdown tells them all to reconnect). */
export function allSubscribers(): Subscriber[] {
  return events.local.subscribers();
}

registerShutdownHook("rooms-relay", () => events.relay?.close());
