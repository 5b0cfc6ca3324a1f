import type { StepMeta } from "@/workshops/types";
import { globalConsole } from "@/workshops/console-urls";

export const rootAccessKeysMeta = {
  id: "root-access-keys",
  billable: false,
  consoleOnly: true,
  part: "iam",
  consoleUrl: globalConsole("iam/home#/security_credentials"),
} as const satisfies StepMeta;
