import type { ComponentType } from "react";
import { accountSecurityBodies } from "./account-security/bodies";
import { guardrailsBodies } from "./guardrails/bodies";
import type { StepId } from "./index";

/** Every workshop's card bodies by id: the step-specific part of each card. */
export const STEP_BODIES: Record<StepId, ComponentType> = { ...accountSecurityBodies, ...guardrailsBodies };
