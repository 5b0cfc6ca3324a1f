import "server-only";
import { caps } from "@/lib/limits/config";

/**
 * How many event streams may be open, so that no client can hold the server's memory
 * hostage with connections: in all; per attendee (their tabs); per room's organizers; and
 * for board streams without the organizer's cookie (anyone can open a board: its URL is
 * on the wall) per room and per client address. The projector opened by the organizer
 * carries the organizer cookie and is never crowded out by anonymous boards.
 */

export type StreamClaim = {
  room: string;
  clientKey: string;
  /** "board" without the organizer cookie. */
  anonymous: boolean;
  attendeeId?: number;
  organizer: boolean;
};

export type StreamRefusal = { reason: "server" | "room" | "address" | "attendee" | "organizer"; retryAfterSeconds: number };

type Counts = {
  total: number;
  anonymousByRoom: Map<string, number>;
  anonymousByAddress: Map<string, number>;
  byAttendee: Map<number, number>;
  organizerByRoom: Map<string, number>;
};

const KEY = Symbol.for("hajime.rooms.streamCounts");
const g = globalThis as unknown as Record<symbol, Counts | undefined>;
const counts: Counts = (g[KEY] ??= {
  total: 0,
  anonymousByRoom: new Map(),
  anonymousByAddress: new Map(),
  byAttendee: new Map(),
  organizerByRoom: new Map(),
});

const bump = <K>(map: Map<K, number>, key: K, by: number) => {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
};

/** Counts a stream in, or says which cap refuses it. `release` must be called exactly once when it ends. */
export function claimStream(claim: StreamClaim): { release: () => void } | StreamRefusal {
  if (counts.total >= caps.streams) return { reason: "server", retryAfterSeconds: 30 };
  if (claim.attendeeId !== undefined && (counts.byAttendee.get(claim.attendeeId) ?? 0) >= caps.streamsPerAttendee) {
    return { reason: "attendee", retryAfterSeconds: 30 };
  }
  if (claim.organizer && (counts.organizerByRoom.get(claim.room) ?? 0) >= caps.organizerStreamsPerRoom) {
    return { reason: "organizer", retryAfterSeconds: 30 };
  }
  if (claim.anonymous) {
    if ((counts.anonymousByAddress.get(claim.clientKey) ?? 0) >= caps.anonymousStreamsPerAddress) {
      return { reason: "address", retryAfterSeconds: 60 };
    }
    if ((counts.anonymousByRoom.get(claim.room) ?? 0) >= caps.anonymousBoardStreamsPerRoom) {
      return { reason: "room", retryAfterSeconds: 60 };
    }
  }
  const apply = (by: number) => {
    counts.total += by;
    if (claim.attendeeId !== undefined) bump(counts.byAttendee, claim.attendeeId, by);
    if (claim.organizer) bump(counts.organizerByRoom, claim.room, by);
    if (claim.anonymous) {
      bump(counts.anonymousByAddress, claim.clientKey, by);
      bump(counts.anonymousByRoom, claim.room, by);
    }
  };
  apply(1);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      apply(-1);
    },
  };
}

export function openStreams(): number {
  return counts.total;
}
