"use client";

import type { CheckOutcome } from "@/lib/aws/run";
import type { StepId } from "@/workshops";
import type { StepDetail } from "@/workshops/step-types";
import { useWorkshop } from "./WorkshopContext";

/**
 * One step's last check on this page, its detail typed from the step's server side
 * (`Step<Detail, …>`): the one place an outcome's detail is given its type.
 */
export function useStep<Id extends StepId>(id: Id): { outcome: CheckOutcome | undefined; detail: StepDetail<Id> | undefined } {
  const { outcomes } = useWorkshop();
  const outcome = outcomes[id];
  return { outcome, detail: outcome?.detail as StepDetail<Id> | undefined };
}
