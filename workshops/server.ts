import "server-only";
import type { AnyStep } from "@/lib/aws/step";
import type { ResourceKindModule } from "@/lib/aws/teardown/kind";
import { teardownStep } from "@/lib/aws/teardown/step";
import { FIRST_WORKSHOP_KINDS } from "./account-security/kinds";
import { accountSecurityServer } from "./account-security/server";
import { GUARDRAILS_KINDS } from "./guardrails/kinds";
import { guardrailsServer } from "./guardrails/server";
import { teardownStepOf, type StepId, type WorkshopId } from "./index";

/** Every workshop's server steps by id (server only: these import the AWS SDK). */
const SERVER_STEPS: Record<StepId, AnyStep> = { ...accountSecurityServer, ...guardrailsServer };

/** Every workshop's teardown kinds: what its clean-up removes, or keeps on purpose. */
const TEARDOWN_KINDS: Record<WorkshopId, readonly ResourceKindModule[]> = {
  "account-security": FIRST_WORKSHOP_KINDS,
  guardrails: GUARDRAILS_KINDS,
};

export function serverStep(id: StepId): AnyStep {
  return SERVER_STEPS[id];
}

export function teardownKindsOf(workshop: WorkshopId): readonly ResourceKindModule[] {
  return TEARDOWN_KINDS[workshop];
}

/** The clean-up step looked for everywhere: the check at the end of the teardown page. */
export function teardownEverywhereOf(workshop: WorkshopId): AnyStep | undefined {
  const id = teardownStepOf(workshop);
  return id && teardownStep(id, teardownKindsOf(workshop), "full");
}
