import "server-only";
import {
  CreateDetectorCommand,
  UpdateDetectorCommand,
  type CreateDetectorCommandOutput,
  type DetectorFeatureConfiguration,
} from "@aws-sdk/client-guardduty";
import { ok } from "@/lib/result";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { detectorsIn, primaryDetector } from "@/lib/aws/logging/detectors";
import { HAJIME_TAG } from "@/lib/aws/logging/tags";
import type { Step } from "@/lib/aws/step";

export type GuardDutyDetail = {
  region: string;
  /** "none": no detector in this region; otherwise the detector's status. */
  status: "none" | "enabled" | "disabled";
  hajime: boolean;
};

export type GuardDutyFixReport = {
  action: "created" | "re-enabled" | "already-enabled";
  /**
   * For a detector Hajime made: "off" when the optional protection plans were turned off as
   * asked; "default" when GuardDuty refused that list (a Region without one of the plans)
   * and the detector was made with GuardDuty's defaults, plans on.
   */
  optionalPlans?: "off" | "default";
};

/**
 * GuardDuty's optional protection plans. "When you don't specify any features, with an
 * exception to RUNTIME_MONITORING, all the optional features are enabled by default", and
 * each is charged after the 30-day trial. The hands-on needs foundational threat detection
 * only (CloudTrail management events, VPC flow logs, DNS logs: always on), so Hajime names
 * every optional plan, off. (EKS_RUNTIME_MONITORING and RUNTIME_MONITORING cannot be named
 * together; RUNTIME_MONITORING covers both.)
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html
 * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html
 */
export const OPTIONAL_PLANS_OFF: DetectorFeatureConfiguration[] = (
  ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING"] as const
).map((Name) => ({ Name, Status: "DISABLED" as const }));

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
    const create = (features: DetectorFeatureConfiguration[] | undefined) =>
      aws.guardduty.send(new CreateDetectorCommand({ Enable: true, Tags: { [HAJIME_TAG.Key]: HAJIME_TAG.Value }, Features: features }));
    let out: CreateDetectorCommandOutput;
    let optionalPlans: "off" | "default" = "off";
    try {
      out = await create(OPTIONAL_PLANS_OFF);
    } catch (error) {
      if (!isAwsError(error, "BadRequestException")) throw error;
      // AWS allows one detector per region: another tab was quicker. Use that one.
      if ((await detectorsIn(aws)).length > 0) return ok({ action: "already-enabled" });
      // A Region without one of the named plans refuses the list: GuardDuty's defaults, said so.
      out = await create(undefined);
      optionalPlans = "default";
    }
    if (out.DetectorId) await ctx.ledger.remember({ kind: "detector", name: out.DetectorId, region: aws.region });
    return ok({ action: "created", optionalPlans });
  },
};
