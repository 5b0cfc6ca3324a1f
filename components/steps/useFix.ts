"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { fixStep } from "@/lib/aws/actions";
import { reachServer, type Failure } from "@/lib/aws/errors";
import type { StepId } from "@/lib/workshop/catalog";
import { moveFocusIfLost } from "@/components/ui/focus";
import { useWorkshop } from "@/components/workshop/WorkshopContext";

/** How long a fix's result may take to show after the fix returns (a follow-up render, say). */
const RESULT_WAIT_FRAMES = 30;

/**
 * Runs a step's fix through the server action and feeds the re-check back to the card.
 * When it settles, keyboard focus moves to what changed on the card: the failure, or the
 * result (an element marked `data-fix-result="success"`), unless the attendee has moved on.
 */
export function useFix<Result = unknown>(id: StepId) {
  const { applyOutcome, handleFailure } = useWorkshop();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [settled, setSettled] = useState<{ n: number; ok: boolean } | null>(null);
  const startedFrom = useRef<Element | null>(null);

  const run = useCallback(
    (input: unknown = {}) =>
      new Promise<boolean>((resolve) => {
        startedFrom.current = document.activeElement;
        startTransition(async () => {
          setFailure(null);
          const res = await reachServer(() => fixStep(id, input));
          if (!res.ok) {
            const ended = handleFailure(res);
            if (!ended) setFailure(res);
            setSettled((s) => ({ n: (s?.n ?? 0) + 1, ok: false }));
            resolve(false);
            return;
          }
          setResult(res.data.result as Result);
          applyOutcome(res.data.outcome);
          setSettled((s) => ({ n: (s?.n ?? 0) + 1, ok: true }));
          resolve(true);
        });
      }),
    [id, applyOutcome, handleFailure],
  );

  useEffect(() => {
    if (!settled) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const card = document.getElementById(`step-${id}`);
      const all = (kind: string) => [...(card?.querySelectorAll<HTMLElement>(`[data-fix-result="${kind}"]`) ?? [])];
      // The last failure on the card is this fix's (the card's own check failure comes first).
      const target = settled.ok ? all("success")[0] : all("failure").at(-1);
      if (target) return void moveFocusIfLost(target, startedFrom.current);
      if (++frames < RESULT_WAIT_FRAMES) handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [settled, id]);

  return { run, pending, failure, result, succeeded: settled?.ok === true, clearFailure: () => setFailure(null) };
}
