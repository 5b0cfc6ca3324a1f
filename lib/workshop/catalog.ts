import { DEFAULT_WORKSHOP_ID, stepsOf, stepMeta, type NumberedStepMeta } from "@/workshops";

/**
 * The default workshop's steps, for code that does not know a room's workshop yet. The
 * workshops themselves are data in workshops/ (workshops/index.ts); this file derives from it.
 */
export { isStepId, stepMeta, type StepId } from "@/workshops";
export type StepMeta = NumberedStepMeta;

export const STEP_IDS = stepsOf(DEFAULT_WORKSHOP_ID);
export const CATALOG: readonly StepMeta[] = STEP_IDS.map(stepMeta);

/** The user name, group name and tag the workshop uses everywhere. */
export const ADMIN_GROUP = "admin";
export const HAJIME_TAG_KEY = "hajime:created-by";
export const HAJIME_TAG_VALUE = "hajime";
