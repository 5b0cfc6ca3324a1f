import "server-only";
import { encodeEvent, subscribe } from "./bus";
import type { AttendeeSnapshot, BoardSnapshot, StreamView } from "./model";

/**
 * One server-sent event stream: `retry:`, a snapshot, then the room's small events as
 * they happen, and a ping every 15 s (keeps proxies from closing it and lets the page
 * notice a dead connection). A client too slow to keep up is dropped; its EventSource
 * reconnects and starts again from a fresh snapshot.
 */

const RETRY_MS = 2000;
const PING_MS = 15_000;
const MAX_QUEUED = 500;

export function eventStream(opts: {
  code: string;
  view: StreamView;
  attendeeId?: number;
  snapshot: BoardSnapshot | AttendeeSnapshot;
  signal: AbortSignal;
}): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const enqueue = (chunk: Uint8Array) => {
        if (!open) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED) {
          stop();
          return;
        }
        controller.enqueue(chunk);
      };
      const unsubscribe = subscribe(opts.code, { view: opts.view, attendeeId: opts.attendeeId, send: enqueue });
      const ping = setInterval(() => enqueue(encodeEvent("ping", { serverNow: Date.now() })), PING_MS);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(ping);
        unsubscribe();
        opts.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      opts.signal.addEventListener("abort", stop);
      controller.enqueue(new TextEncoder().encode(`retry: ${RETRY_MS}\n\n`));
      enqueue(encodeEvent("snapshot", opts.snapshot));
    },
    cancel() {
      stop();
    },
  });
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps `next start`'s compression from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};
