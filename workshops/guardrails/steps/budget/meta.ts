import type { StepMeta } from "@/workshops/types";
import { globalConsole } from "@/workshops/console-urls";

export const budgetMeta = {
  id: "budget",
  // A budget that only sends alerts is free (only budgets with actions are charged).
  billable: false,
  consoleOnly: false,
  part: "cost-alerts",
  consoleUrl: globalConsole("costmanagement/home#/budgets"),
  // The budget Hajime makes is something the clean-up removes.
  affects: ["guardrails-teardown"],
} as const satisfies StepMeta;
