import "server-only";
import { CreateDetectorCommand, UpdateDetectorCommand } from "@aws-sdk/client-guardduty";
import { ok } from "../errors";
import { isAwsError } from "../logging/aws-error";
import { detectorsIn, primaryDetector } from "../logging/detectors";
import { HAJIME_TAG } from "../logging/tags";
import type { Step } from "../step";

export type GuardDutyDetail = {
  region: string;
  /** "none": no detector in this region; otherwise the detector's status. */
  status: "none" | "enabled" | "disabled";
  hajime: boolean;
};

export type GuardDutyFixReport = { action: "created" | "re-enabled" | "already-enabled" };

export const guardduty: Step<GuardDutyDetail, Record<string, never>, GuardDutyFixReport> = {
  id: "guardduty",

  async check(aws) {
    const detector = primaryDetector(await detectorsIn(aws));
    const status = !detector ? "none" : detector.enabled ? "enabled" : "disabled";
    return {
      state: status === "enabled" ? "done" : "todo",
      detail: { region: aws.region, status, hajime: Boolean(detector?.tagged) },
    };
  },

  async fix(aws, _input, ctx) {
    const current = primaryDetector(await detectorsIn(aws));
    if (current?.enabled) return ok({ action: "already-enabled" });
    if (current) {
      await aws.guardduty.send(new UpdateDetectorCommand({ DetectorId: current.id, Enable: true }));
      // Teardown deletes what Hajime made; a detector the attendee had stays theirs.
      await ctx.ledger.remember({
        kind: "detector",
        name: current.id,
        region: aws.region,
        origin: current.tagged ? "created" : "re-enabled",
      });
      return ok({ action: "re-enabled" });
    }
    try {
      const out = await aws.guardduty.send(
        new CreateDetectorCommand({ Enable: true, Tags: { [HAJIME_TAG.Key]: HAJIME_TAG.Value } }),
      );
      if (out.DetectorId) await ctx.ledger.remember({ kind: "detector", name: out.DetectorId, region: aws.region });
      return ok({ action: "created" });
    } catch (error) {
      // AWS allows one detector per region: another tab was quicker. Use that one.
      if (isAwsError(error, "BadRequestException") && (await detectorsIn(aws)).some((d) => d.enabled)) {
        return ok({ action: "already-enabled" });
      }
      throw error;
    }
  },
};
