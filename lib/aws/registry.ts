import "server-only";
import { DEFAULT_WORKSHOP_ID, stepsOf, type StepId } from "@/workshops";
import { serverStep } from "@/workshops/server";
import type { AnyStep } from "./step";

/** The default workshop's server steps, in its order (derived from workshops/). */
export const REGISTRY: readonly AnyStep[] = stepsOf(DEFAULT_WORKSHOP_ID).map(serverStep);

export function stepById(id: StepId): AnyStep | undefined {
  return serverStep(id);
}
