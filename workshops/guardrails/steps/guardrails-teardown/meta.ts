import type { StepMeta } from "@/workshops/types";

export const guardrailsTeardownMeta = {
  id: "guardrails-teardown",
  billable: false,
  consoleOnly: false,
  part: "wrap-up",
  consoleUrl: () => undefined,
  teardown: true,
} as const satisfies StepMeta;
