import "server-only";
import { detached, registerShutdownHook } from "@/lib/lifecycle";
import { allSubscribers, encodeEvent, spreadRetryMs, subscribe } from "./bus";
import type { AttendeeSnapshot, BoardSnapshot, StreamView } from "./model";

/**
 * One server-sent event stream: `retry:`, a snapshot, then the room's small events as
 * they happen, and a ping every 15 s (keeps proxies from closing it and lets the page
 * notice a dead connection). A client too slow to keep up is dropped; its EventSource
 * reconnects and starts again from a fresh snapshot. When the server shuts down, every
 * stream is told to come back in 1–4 s (spread, so a full room does not return at once).
 */

const RETRY_MS = 2000;
const PING_MS = 15_000;
const MAX_QUEUED = 500;
const encoder = new TextEncoder();

/**
 * A stream's events, subscribed to before its snapshot is read and held until the snapshot
 * is sent: an event written while the snapshot is read (a database round trip away) is not
 * lost between the two. The client may see it twice; applying an event is idempotent
 * (board-state.ts).
 */
export type Feed = {
  attach: (send: (chunk: Uint8Array) => void, end: (retryMs: number) => void) => void;
  close: () => void;
};

export function openFeed(code: string, view: StreamView, attendeeId?: number): Feed {
  let held: Uint8Array[] = [];
  let endedWith: number | undefined;
  let target: { send: (chunk: Uint8Array) => void; end: (retryMs: number) => void } | undefined;
  const close = subscribe(code, {
    view,
    attendeeId,
    send: (chunk) => {
      if (target) target.send(chunk);
      else if (held.length < MAX_QUEUED) held.push(chunk);
      else endedWith ??= RETRY_MS;
    },
    end: (retryMs) => {
      if (target) target.end(retryMs);
      else endedWith ??= retryMs;
    },
  });
  return {
    attach(send, end) {
      target = { send, end };
      for (const chunk of held) send(chunk);
      held = [];
      if (endedWith !== undefined) end(endedWith);
    },
    close,
  };
}

export function eventStream(opts: {
  feed: Feed;
  snapshot: BoardSnapshot | AttendeeSnapshot;
  signal: AbortSignal;
  onClose: () => void;
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
      const end = (retryMs: number) => {
        enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
        stop();
      };
      const ping = detached(() => setInterval(() => enqueue(encodeEvent("ping", { serverNow: Date.now() })), PING_MS));
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(ping);
        opts.feed.close();
        opts.onClose();
        opts.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      opts.signal.addEventListener("abort", stop);
      controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      enqueue(encodeEvent("snapshot", opts.snapshot));
      opts.feed.attach(enqueue, end);
      // The client may have gone while the snapshot was read.
      if (opts.signal.aborted) stop();
    },
    cancel() {
      stop();
    },
  });
}

/** A refused stream: a status, Retry-After, and `retry:` for EventSource clients that read the body. */
export function refusedStream(status: 429 | 503, retryAfterSeconds: number, reason: string): Response {
  const jittered = retryAfterSeconds + Math.floor(Math.random() * Math.max(1, retryAfterSeconds / 2));
  const body = `retry: ${jittered * 1000}\n\n${new TextDecoder().decode(encodeEvent("busy", { reason, retryAfterSeconds: jittered }))}`;
  return new Response(body, { status, headers: { ...SSE_HEADERS, "Retry-After": String(jittered) } });
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps compression from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

registerShutdownHook("event-streams", () => {
  for (const s of allSubscribers()) s.end(spreadRetryMs());
});
