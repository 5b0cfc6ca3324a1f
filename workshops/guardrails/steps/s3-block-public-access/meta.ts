import type { StepMeta } from "@/workshops/types";
import { globalConsole } from "@/workshops/console-urls";

export const s3BlockPublicAccessMeta = {
  id: "s3-block-public-access",
  billable: false,
  consoleOnly: false,
  part: "account-protection",
  // "Block Public Access settings for this account" (account-wide, not per Region).
  consoleUrl: globalConsole("s3/settings"),
} as const satisfies StepMeta;
