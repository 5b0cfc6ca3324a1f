import type { StepMeta } from "@/workshops/types";
import { regionalConsole } from "@/workshops/console-urls";

export const guarddutyMeta = {
  id: "guardduty",
  billable: true,
  consoleOnly: false,
  part: "logging",
  consoleUrl: regionalConsole("guardduty", "/summary"),
  // Sample findings need a detector; a detector Hajime made is something the teardown will remove.
  affects: ["sample-findings", "teardown"],
} as const satisfies StepMeta;
