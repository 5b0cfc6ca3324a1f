"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { checkAll, checkStep } from "@/lib/aws/actions";
import { reachServer, type Failure, type SessionEndReason } from "@/lib/result";
import type { CheckOutcome } from "@/lib/aws/run";
import type { SessionView } from "@/lib/credentials/session-view";
import type { StepId } from "@/lib/workshop/catalog";
import { useSessionState, type SignedOutReason } from "@/components/credentials/useSessionState";

export type { SignedOutReason };

/** What the last "check all" found, for its one spoken summary; `n` counts the runs. */
export type CheckSummary = { n: number; done: number; todo: number; unknown: number };

type WorkshopValue = {
  /**
   * The signed-in session; after an involuntary end (expiry, server restart) still the last
   * one, with `lost` set, so the cards and whatever the attendee had open stay on the page
   * while a dialog asks for a new paste.
   */
  session: SessionView | null;
  setSession: (session: SessionView | null) => void;
  /** Why the credentials are gone while the page keeps its place; null while they work. */
  lost: SessionEndReason | null;
  /** Why the paste form shows (a voluntary sign-out, or a page loaded after the session ended). */
  signedOutReason: SignedOutReason;
  outcomes: Partial<Record<StepId, CheckOutcome>>;
  checking: ReadonlySet<StepId>;
  /** The room this page belongs to, if any (null in solo practice). */
  room: string | null;
  steps: readonly StepId[];
  refreshAll: () => Promise<void>;
  /** Why the last check failed as a whole (rate limit, server unreachable), if it did. */
  checkFailure: Failure | null;
  /** The last finished "check all" (or the check after signing in), null before one. */
  lastCheck: CheckSummary | null;
  refresh: (id: StepId) => Promise<void>;
  applyOutcome: (outcome: CheckOutcome) => void;
  /** Call with any failure an action returned; true when it ended the session. */
  handleFailure: (failure: Failure) => boolean;
  signOutLocally: (reason: SessionEndReason) => void;
};

const Ctx = createContext<WorkshopValue | null>(null);

export function useWorkshop(): WorkshopValue {
  const value = useContext(Ctx);
  if (!value) throw new Error("useWorkshop outside WorkshopProvider");
  return value;
}

export function WorkshopProvider({
  initialSession,
  initialSignedOut = null,
  room,
  steps,
  children,
}: {
  initialSession: SessionView | null;
  initialSignedOut?: SignedOutReason;
  room: string | null;
  steps: readonly StepId[];
  children: ReactNode;
}) {
  const [outcomes, setOutcomes] = useState<Partial<Record<StepId, CheckOutcome>>>({});
  const [checking, setChecking] = useState<ReadonlySet<StepId>>(new Set());
  const [checkFailure, setCheckFailure] = useState<Failure | null>(null);
  const [lastCheck, setLastCheck] = useState<CheckSummary | null>(null);
  const {
    session,
    setSession,
    lost,
    signedOutReason,
    end: signOutLocally,
    handleFailure,
    generation,
  } = useSessionState(initialSession, initialSignedOut, () => setChecking(new Set()));

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
        // A lost session is said by the dialog; an older "unreachable" must not stay beside it.
        setCheckFailure(handleFailure(res) ? null : res);
        return;
      }
      setCheckFailure(null);
      setOutcomes((prev) => {
        const next = { ...prev };
        for (const o of res.data) next[o.id] = o;
        return next;
      });
      const count = (state: string) => res.data.filter((o) => o.state === state).length;
      setLastCheck((prev) => ({ n: (prev?.n ?? 0) + 1, done: count("done"), todo: count("todo"), unknown: count("unknown") }));
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
          setCheckFailure(handleFailure(res) ? null : res);
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
      lost,
      signedOutReason,
      outcomes,
      checking,
      room,
      steps,
      refreshAll,
      checkFailure,
      lastCheck,
      refresh,
      applyOutcome,
      handleFailure,
      signOutLocally,
    }),
    [session, setSession, lost, signedOutReason, outcomes, checking, room, steps, refreshAll, checkFailure, lastCheck, refresh, applyOutcome, handleFailure, signOutLocally],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
