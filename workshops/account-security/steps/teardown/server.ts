import "server-only";
import { teardownStep } from "@/lib/aws/teardown/step";
import { FIRST_WORKSHOP_KINDS } from "../../kinds";

/** Step 10 on the checklist: the ledger and the current Region (lib/aws/teardown/step.ts). */
export const teardown = teardownStep("teardown", FIRST_WORKSHOP_KINDS, "known");
