import "server-only";
import { teardownStep } from "@/lib/aws/teardown/step";
import { GUARDRAILS_KINDS } from "../../kinds";

/** The clean-up on the checklist: the ledger and the current Region (lib/aws/teardown/step.ts). */
export const guardrailsTeardown = teardownStep("guardrails-teardown", GUARDRAILS_KINDS, "known");
