import type { StepMeta } from "@/workshops/types";
import { globalConsole } from "@/workshops/console-urls";

export const userMfaMeta = {
  id: "user-mfa",
  billable: false,
  consoleOnly: false,
  part: "iam",
  consoleUrl: globalConsole("iam/home#/users"),
} as const satisfies StepMeta;
