import "server-only";
import type { RoomEvent, StreamView } from "./model";

/**
 * In-process fan-out of room events to open event streams. One per process (on
 * globalThis): Next bundles route handlers and server actions separately. Each event is
 * encoded once and the same bytes go to every stream that may see it.
 */

export type Subscriber = {
  view: StreamView;
  /** Attendee streams see room-wide events and their own. */
  attendeeId?: number;
  send: (chunk: Uint8Array) => void;
  /** Ends the stream after telling the client when to come back. */
  end: (retryMs: number) => void;
};

type Bus = { rooms: Map<string, Set<Subscriber>> };
const KEY = Symbol.for("hajime.rooms.bus");
const g = globalThis as unknown as Record<symbol, Bus | undefined>;
const bus: Bus = (g[KEY] ??= { rooms: new Map() });

const encoder = new TextEncoder();

export function encodeEvent(type: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function subscribe(code: string, subscriber: Subscriber): () => void {
  let set = bus.rooms.get(code);
  if (!set) bus.rooms.set(code, (set = new Set()));
  set.add(subscriber);
  return () => {
    set.delete(subscriber);
    if (set.size === 0 && bus.rooms.get(code) === set) bus.rooms.delete(code);
  };
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
      return s.view !== "attendee" || s.attendeeId === event.attendeeId;
    case "removed":
      return s.view !== "attendee" || s.attendeeId === event.attendeeId;
  }
}

export function publish(code: string, event: RoomEvent): void {
  const set = bus.rooms.get(code);
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

export function subscriberCount(code: string): number {
  return bus.rooms.get(code)?.size ?? 0;
}

/** Every open stream, in every room (shutdown tells them all to reconnect). */
export function allSubscribers(): Subscriber[] {
  return [...bus.rooms.values()].flatMap((set) => [...set]);
}
