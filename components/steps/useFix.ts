"use client";

import { useCallback, useState, useTransition } from "react";
import { fixStep } from "@/lib/aws/actions";
import { reachServer, type Failure } from "@/lib/aws/errors";
import type { StepId } from "@/lib/workshop/catalog";
import { useWorkshop } from "@/components/workshop/WorkshopContext";

/** Runs a step's fix through the server action and feeds the re-check back to the card. */
export function useFix<Result = unknown>(id: StepId) {
  const { applyOutcome, handleFailure } = useWorkshop();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const run = useCallback(
    (input: unknown = {}) =>
      new Promise<boolean>((resolve) => {
        startTransition(async () => {
          setFailure(null);
          const res = await reachServer(() => fixStep(id, input));
          if (!res.ok) {
            if (!handleFailure(res)) setFailure(res);
            resolve(false);
            return;
          }
          setResult(res.data.result as Result);
          applyOutcome(res.data.outcome);
          resolve(true);
        });
      }),
    [id, applyOutcome, handleFailure],
  );

  return { run, pending, failure, result, clearFailure: () => setFailure(null) };
}
