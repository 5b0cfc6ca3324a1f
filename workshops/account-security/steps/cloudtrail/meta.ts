import type { StepMeta } from "@/workshops/types";
import { regionalConsole } from "@/workshops/console-urls";

export const cloudtrailMeta = {
  id: "cloudtrail",
  billable: true,
  consoleOnly: false,
  part: "logging",
  consoleUrl: regionalConsole("cloudtrailv2", "/trails"),
  // A trail Hajime made is something the teardown will remove.
  affects: ["teardown"],
} as const satisfies StepMeta;
