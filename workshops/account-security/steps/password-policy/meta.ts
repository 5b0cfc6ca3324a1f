import type { StepMeta } from "@/workshops/types";
import { globalConsole } from "@/workshops/console-urls";

export const passwordPolicyMeta = {
  id: "password-policy",
  billable: false,
  consoleOnly: false,
  part: "iam",
  consoleUrl: globalConsole("iam/home#/account_settings"),
  // Step 5 checks new passwords against this policy as the attendee types.
  affects: ["iam-user"],
} as const satisfies StepMeta;
