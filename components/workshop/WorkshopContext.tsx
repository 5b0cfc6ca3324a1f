"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { checkAll, checkStep } from "@/lib/aws/actions";
import { reachServer, fail, sessionEndReason, type Failure } from "@/lib/aws/errors";
import type { CheckOutcome } from "@/lib/aws/run";
import type { SessionView } from "@/lib/credentials/session-view";
import type { StepId } from "@/lib/workshop/catalog";

export type SignedOutReason = "signed-out" | "expired" | "invalid" | null;

type WorkshopValue = {
  session: SessionView | null;
  setSession: (session: SessionView | null) => void;
  signedOutReason: SignedOutReason;
  outcomes: Partial<Record<StepId, CheckOutcome>>;
  checking: ReadonlySet<StepId>;
  /** The room this page belongs to, if any (null in solo practice). */
  room: string | null;
  steps: readonly StepId[];
  refreshAll: () => Promise<void>;
  /** Why the last check failed as a whole (rate limit, server unreachable), if it did. */
  checkFailure: Failure | null;
  refresh: (id: StepId) => Promise<void>;
  applyOutcome: (outcome: CheckOutcome) => void;
  /** Call with any failure an action returned; ends the session view when credentials died. */
  handleFailure: (failure: Failure) => boolean;
  signOutLocally: (reason: Exclude<SignedOutReason, null>) => void;
};

const Ctx = createContext<WorkshopValue | null>(null);

export function useWorkshop(): WorkshopValue {
  const value = useContext(Ctx);
  if (!value) throw new Error("useWorkshop outside WorkshopProvider");
  return value;
}

export function WorkshopProvider({
  initialSession,
  room,
  steps,
  children,
}: {
  initialSession: SessionView | null;
  room: string | null;
  steps: readonly StepId[];
  children: ReactNode;
}) {
  const [session, setSessionState] = useState(initialSession);
  const [signedOutReason, setReason] = useState<SignedOutReason>(null);
  const [outcomes, setOutcomes] = useState<Partial<Record<StepId, CheckOutcome>>>({});
  const [checking, setChecking] = useState<ReadonlySet<StepId>>(new Set());
  const [checkFailure, setCheckFailure] = useState<Failure | null>(null);
  const generation = useRef(0);

  const signOutLocally = useCallback((reason: Exclude<SignedOutReason, null>) => {
    generation.current += 1;
    setSessionState(null);
    setReason(reason);
    setChecking(new Set());
  }, []);

  const setSession = useCallback((next: SessionView | null) => {
    generation.current += 1;
    setSessionState(next);
    if (next) setReason(null);
  }, []);

  const handleFailure = useCallback(
    (failure: Failure) => {
      const reason = sessionEndReason(failure);
      if (reason) signOutLocally(reason);
      return Boolean(reason);
    },
    [signOutLocally],
  );

  const applyOutcome = useCallback((o: CheckOutcome) => {
    setOutcomes((prev) => ({ ...prev, [o.id]: o }));
  }, []);

  const mark = (ids: readonly StepId[], on: boolean) =>
    setChecking((prev) => {
      const next = new Set(prev);
      for (const id of ids) (on ? next.add(id) : next.delete(id));
      return next;
    });

  const refreshAll = useCallback(async () => {
    const gen = generation.current;
    mark(steps, true);
    try {
      const res = await reachServer(() => checkAll([...steps]));
      if (gen !== generation.current) return;
      if (!res.ok) {
        if (!handleFailure(res)) setCheckFailure(res);
        return;
      }
      setCheckFailure(null);
      setOutcomes((prev) => {
        const next = { ...prev };
        for (const o of res.data) next[o.id] = o;
        return next;
      });
    } finally {
      mark(steps, false);
    }
  }, [steps, handleFailure]);

  const refresh = useCallback(
    async (id: StepId) => {
      const gen = generation.current;
      mark([id], true);
      try {
        const res = await reachServer(() => checkStep(id));
        if (gen !== generation.current) return;
        if (!res.ok) {
          if (!handleFailure(res)) setCheckFailure(res);
        } else {
          setCheckFailure(null);
          applyOutcome(res.data);
        }
      } finally {
        mark([id], false);
      }
    },
    [applyOutcome, handleFailure],
  );

  const value = useMemo<WorkshopValue>(
    () => ({
      session,
      setSession,
      signedOutReason,
      outcomes,
      checking,
      room,
      steps,
      refreshAll,
      checkFailure,
      refresh,
      applyOutcome,
      handleFailure,
      signOutLocally,
    }),
    [session, setSession, signedOutReason, outcomes, checking, room, steps, refreshAll, checkFailure, refresh, applyOutcome, handleFailure, signOutLocally],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
