import { normalizeCode, type AttendeeSnapshot, type StreamView } from "@/lib/rooms/model";
import { currentAttendee, isOrganizer, rooms } from "@/lib/rooms/service";
import { eventStream, SSE_HEADERS } from "@/lib/rooms/stream";

export const dynamic = "force-dynamic";

const VIEWS: readonly StreamView[] = ["board", "attendee", "organizer"];

/** GET /api/rooms/ABC234/events?view=board|attendee|organizer: the room, live. */
export async function GET(request: Request, { params }: { params: Promise<{ room: string }> }) {
  const code = normalizeCode((await params).room);
  const room = code ? rooms().info(code) : undefined;
  if (!code || !room) return new Response("No such room", { status: 404 });
  const view = new URL(request.url).searchParams.get("view") ?? "board";
  if (!(VIEWS as readonly string[]).includes(view)) return new Response("Unknown view", { status: 400 });

  if (view === "attendee") {
    const you = await currentAttendee(code);
    const snapshot: AttendeeSnapshot = { room, you: you?.attendee ?? null, serverNow: Date.now() };
    return stream(code, "attendee", snapshot, request, you?.attendee.id);
  }
  if (view === "organizer" && !(await isOrganizer(code))) return new Response("Organizer key needed", { status: 403 });
  const snapshot = rooms().snapshot(code, { organizer: view === "organizer" });
  if (!snapshot) return new Response("No such room", { status: 404 });
  return stream(code, view as StreamView, snapshot, request);
}

function stream(code: string, view: StreamView, snapshot: Parameters<typeof eventStream>[0]["snapshot"], request: Request, attendeeId?: number) {
  return new Response(eventStream({ code, view, attendeeId, snapshot, signal: request.signal }), { headers: SSE_HEADERS });
}
