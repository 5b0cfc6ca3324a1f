import type { ComponentType } from "react";
import type { StepId } from "@/lib/workshop/catalog";
import { PasswordPolicyBody } from "./PasswordPolicyBody";
import { RootAccessKeysBody } from "./RootAccessKeysBody";
import { RootMfaBody } from "./RootMfaBody";

/** The step-specific part of each card. A step without one shows only the shared frame. */
export const STEP_BODIES: Partial<Record<StepId, ComponentType>> = {
  "root-access-keys": RootAccessKeysBody,
  "root-mfa": RootMfaBody,
  "password-policy": PasswordPolicyBody,
};
