/**
 * The caps that keep one server up whatever its clients do. Every default is sized for
 * `npm start`'s heap (scripts/server-node-options.mjs: 256 MB old space) and a room of up
 * to 500 attendees; each can be changed with the environment variable named beside it
 * (README, "Limits").
 */

/** An integer setting from the environment (at least `min`), or `fallback` when unset or not one. */
export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min ? n : fallback;
}

export const caps = {
  /** Live credential sessions in this process (each holds keys and a little state). */
  get sessions() {
    return envInt("HAJIME_MAX_SESSIONS", 2_000);
  },
  /** Live sessions for one AWS account (also for one access key id, checked before STS). */
  get sessionsPerAccount() {
    return envInt("HAJIME_MAX_SESSIONS_PER_ACCOUNT", 30);
  },
  /** Sign-ins STS refused, per client address, per 10 minutes. */
  get signInFailuresPerAddress() {
    return envInt("HAJIME_SIGNIN_FAILURES_PER_ADDRESS", 1_200);
  },
  /** Successful sign-ins per AWS account per 10 minutes. */
  get signInsPerAccount() {
    return envInt("HAJIME_SIGNINS_PER_ACCOUNT", 120);
  },
  /** STS verifications at once, and how many may wait for a turn. */
  verifyConcurrency: 16,
  get verifyQueue() {
    return envInt("HAJIME_SIGNIN_QUEUE", 1_000);
  },
  /** Open event streams in this process, all rooms together. */
  get streams() {
    return envInt("HAJIME_MAX_STREAMS", 1_000);
  },
  /** Board streams without the organizer's cookie, per room and per client address. */
  get anonymousBoardStreamsPerRoom() {
    return envInt("HAJIME_MAX_BOARD_STREAMS_PER_ROOM", 50);
  },
  get anonymousStreamsPerAddress() {
    return envInt("HAJIME_MAX_BOARD_STREAMS_PER_ADDRESS", 20);
  },
  /** Streams per attendee (tabs and devices) and per room's organizers. */
  streamsPerAttendee: 4,
  organizerStreamsPerRoom: 20,
  /** Rooms created per client address per 10 minutes. */
  get roomsCreatedPerAddress() {
    return envInt("HAJIME_ROOMS_CREATED_PER_ADDRESS", 10);
  },
  /** Rooms open at once (closed rooms keep only counts). */
  get openRooms() {
    return envInt("HAJIME_MAX_OPEN_ROOMS", 200);
  },
} as const;
