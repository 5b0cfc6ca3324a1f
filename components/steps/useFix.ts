"use client";

import { useCallback, useState, useTransition } from "react";
import { fixStep } from "@/lib/aws/actions";
import { reachServer, type Failure } from "@/lib/result";
import type { StepId } from "@/workshops";
import type { StepFixResult } from "@/workshops/step-types";
import { focusWhenShown } from "@/components/ui/focus";
import { useWorkshop } from "@/components/workshop/WorkshopContext";

/**
 * Runs a step's fix through the server action and feeds the re-check back to the card, and
 * the re-checks of the steps the fix affects (the step meta's `affects`) to theirs.
 * When it settles, keyboard focus moves to what changed on the card: the failure, or the
 * result (an element marked `data-fix-result="success"`), unless the attendee has moved on.
 */
export function useFix<Id extends StepId>(id: Id) {
  type Result = StepFixResult<Id>;
  const { applyOutcome, handleFailure } = useWorkshop();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [succeeded, setSucceeded] = useState(false);

  const run = useCallback(
    (input: unknown = {}) =>
      new Promise<boolean>((resolve) => {
        const startedFrom = document.activeElement;
        startTransition(async () => {
          setFailure(null);
          const res = await reachServer(() => fixStep(id, input));
          if (!res.ok) {
            const ended = handleFailure(res);
            if (!ended) setFailure(res);
            setSucceeded(false);
            // The last failure on the card is this fix's (the card's own check failure comes first).
            focusWhenShown(() => resultOn(id, "failure").at(-1), startedFrom);
            resolve(false);
            return;
          }
          setResult(res.data.result as Result);
          applyOutcome(res.data.outcome);
          for (const outcome of res.data.affected) applyOutcome(outcome);
          setSucceeded(true);
          focusWhenShown(() => resultOn(id, "success")[0], startedFrom);
          resolve(true);
        });
      }),
    [id, applyOutcome, handleFailure],
  );

  return { run, pending, failure, result, succeeded, clearFailure: () => setFailure(null) };
}

/** The elements on a step's card that say how its fix went (Outcome, FailureMessage, …). */
function resultOn(id: StepId, kind: "success" | "failure"): HTMLElement[] {
  const card = document.getElementById(`step-${id}`);
  return [...(card?.querySelectorAll<HTMLElement>(`[data-fix-result="${kind}"]`) ?? [])];
}
