"use client";

import type { EventSource } from "eventsource";
import { useEffect, useRef, useState } from "react";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "busy";

const SILENCE_MS = 40_000; // the server pings every 15 s
const MAX_BACKOFF_MS = 30_000;
const EVENTS = ["joined", "progress", "removed", "room", "accounts", "closed"];

/**
 * A live event stream that stays up. The EventSource (the `eventsource` package: the
 * standard API over fetch, so the HTTP status of a refusal can be read) reconnects by
 * itself after a network error, waiting as long as the server's `retry:` says. When the
 * server refuses the stream because it is full (429/503 with Retry-After), this waits that
 * long, spread a little, before trying again; after any other failure, or when the line
 * goes silent, it opens a new one, backing off to 30 s. Every connection starts with a snapshot.
 * The package is fetched when the first stream opens, after the page is shown: the page
 * needs none of it to render (bench/bundle/README.md).
 */
export function useEventStream(url: string, handlers: Record<string, (data: unknown) => void>): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let lastHeard = Date.now();
    let failures = 0;
    let stopped = false;

    const later = (ms: number) => {
      if (stopped) return;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(open, ms);
    };

    const backOff = () => {
      failures += 1;
      later(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 5)) + Math.random() * 1000);
    };

    const open = () => {
      import("eventsource").then(
        ({ EventSource }) => {
          if (!stopped) connect(EventSource);
        },
        // The chunk did not arrive (the network dropped): try again as after a failed stream.
        () => {
          setStatus("reconnecting");
          backOff();
        },
      );
    };

    const connect = (EventSourceClass: typeof EventSource) => {
      source?.close();
      let retryAfterMs: number | undefined;
      const es = new EventSourceClass(new URL(url, window.location.href).toString(), {
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          const seconds = Number(res.headers.get("Retry-After"));
          retryAfterMs = (res.status === 429 || res.status === 503) && seconds > 0 ? seconds * 1000 : undefined;
          return res;
        },
      });
      source = es;
      lastHeard = Date.now();
      const heard = () => {
        lastHeard = Date.now();
      };
      es.addEventListener("ping", (e) => {
        heard();
        latest.current.ping?.(JSON.parse((e as MessageEvent<string>).data));
      });
      es.addEventListener("snapshot", (e) => {
        heard();
        failures = 0;
        setStatus("live");
        latest.current.snapshot?.(JSON.parse((e as MessageEvent<string>).data));
      });
      for (const type of EVENTS) {
        es.addEventListener(type, (e) => {
          heard();
          latest.current[type]?.(JSON.parse((e as MessageEvent<string>).data));
        });
      }
      es.onerror = () => {
        if (retryAfterMs !== undefined) {
          // Refused while the server is full: come back when it says, not sooner.
          setStatus("busy");
          es.close();
          later(retryAfterMs + Math.random() * 2000);
          return;
        }
        setStatus("reconnecting");
        if (es.readyState === es.CLOSED) backOff();
      };
    };

    const watchdog = setInterval(() => {
      if (source && source.readyState === source.OPEN && Date.now() - lastHeard > SILENCE_MS) {
        setStatus("reconnecting");
        open();
      }
    }, 5000);

    open();
    return () => {
      stopped = true;
      clearInterval(watchdog);
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [url]);

  return status;
}

/** How far the server's clock is ahead of this device's (boards count minutes in server time). */
export function useServerOffset(serverNow: number | undefined): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (serverNow !== undefined) setOffset(serverNow - Date.now());
  }, [serverNow]);
  return offset;
}

/**
 * Server time, re-read every `tickMs`. Until the page is hydrated it is `initialNow` (the
 * snapshot's server time), so the server's HTML and the browser's first render agree.
 */
export function useNow(offset: number, tickMs: number, initialNow: number): number {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now === null ? initialNow : now + offset;
}
