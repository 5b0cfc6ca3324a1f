"use client";

import { useEffect, useRef, useState } from "react";

export type StreamStatus = "connecting" | "live" | "reconnecting";

const SILENCE_MS = 40_000; // the server pings every 15 s
const MAX_BACKOFF_MS = 30_000;

/**
 * An EventSource that stays up: the browser reconnects by itself after a network error;
 * when it gives up (an HTTP error while the server restarts) or the line goes silent,
 * this opens a new one, backing off to 30 s. Every (re)connection starts with a snapshot.
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

    const open = () => {
      source?.close();
      const es = new EventSource(url);
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
      for (const type of ["joined", "progress", "removed", "room", "accounts", "closed"]) {
        es.addEventListener(type, (e) => {
          heard();
          latest.current[type]?.(JSON.parse((e as MessageEvent<string>).data));
        });
      }
      es.onerror = () => {
        setStatus("reconnecting");
        if (es.readyState === EventSource.CLOSED) reopenLater();
      };
    };

    const reopenLater = () => {
      if (stopped) return;
      clearTimeout(retryTimer);
      failures += 1;
      retryTimer = setTimeout(open, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 5)));
    };

    const watchdog = setInterval(() => {
      if (source && source.readyState === EventSource.OPEN && Date.now() - lastHeard > SILENCE_MS) {
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

/** Server time, re-read every `tickMs`. */
export function useNow(offset: number, tickMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now + offset;
}
