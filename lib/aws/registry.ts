import "server-only";
import { CATALOG, type StepId } from "@/lib/workshop/catalog";
import type { AnyStep } from "./step";
import { adminGroup } from "./steps/admin-group";
import { cloudtrail } from "./steps/cloudtrail";
import { guardduty } from "./steps/guardduty";
import { iamUser } from "./steps/iam-user";
import { passwordPolicy } from "./steps/password-policy";
import { rootAccessKeys } from "./steps/root-access-keys";
import { rootMfa } from "./steps/root-mfa";
import { sampleFindings } from "./steps/sample-findings";
import { userMfa } from "./steps/user-mfa";
import { teardown } from "./teardown/first-workshop";

/** The workshop definition: every step with a server side, in the hands-on's order. */
const STEPS: Partial<Record<StepId, AnyStep>> = {
  "root-access-keys": rootAccessKeys,
  "root-mfa": rootMfa,
  "password-policy": passwordPolicy,
  "admin-group": adminGroup,
  "iam-user": iamUser,
  "user-mfa": userMfa,
  cloudtrail,
  guardduty,
  "sample-findings": sampleFindings,
  teardown,
};

export const REGISTRY: readonly AnyStep[] = CATALOG.map((m) => STEPS[m.id]).filter(
  (s): s is AnyStep => s !== undefined,
);

export function stepById(id: StepId): AnyStep | undefined {
  return STEPS[id];
}
