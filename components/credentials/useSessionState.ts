"use client";

import { useCallback, useRef, useState } from "react";
import { sessionEndReason, type Failure, type SessionEndReason } from "@/lib/result";
import type { SessionView } from "@/lib/credentials/session-view";

/** Why the paste form shows (a voluntary sign-out, or a page loaded after the session ended). */
export type SignedOutReason = SessionEndReason | null;

/**
 * A signed-in page's credentials over time, one way for the checklist (WorkshopContext) and
 * the teardown:
 * - `session`: after an involuntary end (expiry, server restart) still the last one, with
 *   `lost` set, so the page keeps its place while a dialog asks for a new paste;
 * - `signedOutReason`: set when the paste form shows instead (a chosen sign-out);
 * - `generation`: bumped on every sign-in and every end, so that answers to calls made with
 *   the old credentials are dropped.
 * `onEnd` runs whenever the session ends (either way), before the state changes.
 */
export function useSessionState(initialSession: SessionView | null, initialSignedOut: SignedOutReason = null, onEnd?: () => void) {
  const [session, setSessionState] = useState(initialSession);
  const [lost, setLost] = useState<SessionEndReason | null>(null);
  const [signedOutReason, setReason] = useState<SignedOutReason>(initialSignedOut);
  const generation = useRef(0);
  const expiresAt = useRef(initialSession?.expiresAt);
  expiresAt.current = session?.expiresAt;
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  const end = useCallback((reason: SessionEndReason) => {
    generation.current += 1;
    onEndRef.current?.();
    if (reason === "signed-out") {
      // Chosen (here or in another tab): back to the paste form.
      setSessionState(null);
      setLost(null);
      setReason(reason);
    } else {
      setLost(reason);
    }
  }, []);

  const setSession = useCallback((next: SessionView | null) => {
    generation.current += 1;
    setSessionState(next);
    setLost(null);
    if (next) setReason(null);
  }, []);

  /** Call with any failure an action returned; true when it ended the session. */
  const handleFailure = useCallback(
    (failure: Failure) => {
      const reason = sessionEndReason(failure, expiresAt.current);
      if (reason) end(reason);
      return Boolean(reason);
    },
    [end],
  );

  return { session, setSession, lost, signedOutReason, end, handleFailure, generation };
}
