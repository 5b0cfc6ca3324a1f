import type { StepMeta } from "@/workshops/types";

export const guardrailsTeardownMeta = {
  id: "guardrails-teardown",
  billable: false,
  consoleOnly: false,
  part: "wrap-up",
  consoleUrl: () => undefined,
  teardown: true,
  // Nothing in this workshop is charged, and an attendee who already had a budget and an
  // analyzer has nothing of Hajime's to remove: the clean-up does not decide "finished".
  counted: false,
} as const satisfies StepMeta;
