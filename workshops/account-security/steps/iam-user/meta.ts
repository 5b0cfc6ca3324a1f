import type { StepMeta } from "@/workshops/types";
import { globalConsole } from "@/workshops/console-urls";

export const iamUserMeta = {
  id: "iam-user",
  billable: false,
  consoleOnly: false,
  part: "iam",
  consoleUrl: globalConsole("iam/home#/users"),
  // A new user with a password is one step 6 asks to protect with MFA.
  affects: ["user-mfa"],
} as const satisfies StepMeta;
