import type { StepMeta } from "@/workshops/types";
import { globalConsole } from "@/workshops/console-urls";

export const adminGroupMeta = {
  id: "admin-group",
  billable: false,
  consoleOnly: false,
  part: "iam",
  consoleUrl: globalConsole("iam/home#/groups"),
  // Step 5 adds its user to this group: its card should know the group is there now.
  affects: ["iam-user"],
} as const satisfies StepMeta;
