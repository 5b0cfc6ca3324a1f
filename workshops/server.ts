import "server-only";
import type { AnyStep } from "@/lib/aws/step";
import { accountSecurityServer } from "./account-security/server";
import type { StepId } from "./index";

/** Every workshop's server steps by id (server only: these import the AWS SDK). */
const SERVER_STEPS: Record<StepId, AnyStep> = { ...accountSecurityServer };

export function serverStep(id: StepId): AnyStep {
  return SERVER_STEPS[id];
}
