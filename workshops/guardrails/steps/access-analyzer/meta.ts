import type { StepMeta } from "@/workshops/types";
import { regionalConsole } from "@/workshops/console-urls";

export const accessAnalyzerMeta = {
  id: "access-analyzer",
  // External access analyzers are free (unused and internal access analysis are charged).
  billable: false,
  consoleOnly: false,
  part: "account-protection",
  consoleUrl: regionalConsole("access-analyzer", "/analyzers"),
  // The analyzer Hajime makes is something the clean-up removes.
  affects: ["guardrails-teardown"],
} as const satisfies StepMeta;
