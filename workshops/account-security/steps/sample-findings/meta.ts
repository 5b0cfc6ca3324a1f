import type { StepMeta } from "@/workshops/types";
import { regionalConsole } from "@/workshops/console-urls";

export const sampleFindingsMeta = {
  id: "sample-findings",
  billable: true,
  consoleOnly: false,
  part: "logging",
  consoleUrl: regionalConsole("guardduty", "/findings"),
} as const satisfies StepMeta;
