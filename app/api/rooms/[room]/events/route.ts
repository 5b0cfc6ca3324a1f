import { clientKeyFrom } from "@/lib/limits/address";
import { lookUpRoom } from "@/lib/rooms/lookup";
import type { StreamView } from "@/lib/rooms/model";
import { currentAttendee, isOrganizer, rooms } from "@/lib/rooms/service";
import { claimStream, type StreamRefusal } from "@/lib/rooms/stream-caps";
import { listening } from "@/lib/rooms/bus";
import { eventStream, openFeed, refusedStream, SSE_HEADERS, type Feed } from "@/lib/rooms/stream";

export const dynamic = "force-dynamic";

const VIEWS: readonly StreamView[] = ["board", "attendee", "organizer"];

/**
 * GET /api/rooms/ABC234/events?view=board|attendee|organizer: the room, live. Unknown codes
 * count against the client (lib/rooms/lookup.ts); open streams are capped
 * (lib/rooms/stream-caps.ts) and a refused one is told when to come back. The stream's
 * events are subscribed to before its snapshot is read (lib/rooms/stream.ts `openFeed`).
 */
export async function GET(request: Request, { params }: { params: Promise<{ room: string }> }) {
  const client = clientKeyFrom(request);
  const found = await lookUpRoom((await params).room, client);
  if (!found.ok) {
    if (found.failure.code === "rate-limited") return refusedStream(429, Number(found.failure.params?.seconds ?? 60), "rate-limited");
    return new Response("No such room", { status: 404 });
  }
  const code = found.room.code;
  const view = new URL(request.url).searchParams.get("view") ?? "board";
  if (!(VIEWS as readonly string[]).includes(view)) return new Response("Unknown view", { status: 400 });

  // With several instances: once this one hears the others' events (lib/rooms/pg-relay.ts).
  await listening();

  if (view === "attendee") {
    // Without a seat (removed by the organizer, say) the page still learns that it has none.
    const you = await currentAttendee(code);
    const claim = claimStream({ room: code, clientKey: client, anonymous: !you, organizer: false, attendeeId: you?.attendee.id });
    if ("reason" in claim) return refused(claim);
    const feed = openFeed(code, "attendee", you?.attendee.id);
    // The room read again, now that the feed holds whatever changes it next.
    const snapshot = await settle(feed, claim.release, async () => {
      const now = await rooms().info(code);
      return now && { room: now, you: you?.attendee ?? null, serverNow: Date.now() };
    });
    if (!snapshot) return new Response("No such room", { status: 404 });
    return stream(feed, snapshot, request, claim.release);
  }

  const organizer = await isOrganizer(code);
  if (view === "organizer" && !organizer) return new Response("Organizer key needed", { status: 403 });
  // An attendee who opens the board on their phone counts as one of their own tabs, not as
  // an anonymous viewer (a venue's attendees share one address).
  const attendee = organizer ? undefined : await currentAttendee(code);
  const claim = claimStream({ room: code, clientKey: client, anonymous: !organizer && !attendee, organizer, attendeeId: attendee?.attendee.id });
  if ("reason" in claim) return refused(claim);
  const feed = openFeed(code, view as StreamView);
  const snapshot = await settle(feed, claim.release, () => rooms().snapshot(code, { organizer: view === "organizer" }));
  if (!snapshot) return new Response("No such room", { status: 404 });
  return stream(feed, snapshot, request, claim.release);
}

/** Reads the snapshot; without one (or on an error) the feed and the claim are let go. */
async function settle<T>(feed: Feed, release: () => void, read: () => Promise<T | undefined>): Promise<T | undefined> {
  let snapshot: T | undefined;
  try {
    snapshot = await read();
  } finally {
    if (snapshot === undefined) {
      feed.close();
      release();
    }
  }
  return snapshot;
}

function stream(feed: Feed, snapshot: Parameters<typeof eventStream>[0]["snapshot"], request: Request, onClose: () => void) {
  return new Response(eventStream({ feed, snapshot, signal: request.signal, onClose }), { headers: SSE_HEADERS });
}

/** A cap said no: 503 when the server or the room is full (nobody's fault), 429 when this client holds too many. */
function refused(claim: StreamRefusal) {
  return refusedStream(claim.reason === "server" || claim.reason === "room" ? 503 : 429, claim.retryAfterSeconds, claim.reason);
}
