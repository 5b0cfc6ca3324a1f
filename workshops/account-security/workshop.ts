import type { WorkshopDef } from "../types";
import { adminGroupMeta } from "./steps/admin-group/meta";
import { cloudtrailMeta } from "./steps/cloudtrail/meta";
import { guarddutyMeta } from "./steps/guardduty/meta";
import { iamUserMeta } from "./steps/iam-user/meta";
import { passwordPolicyMeta } from "./steps/password-policy/meta";
import { rootAccessKeysMeta } from "./steps/root-access-keys/meta";
import { rootMfaMeta } from "./steps/root-mfa/meta";
import { sampleFindingsMeta } from "./steps/sample-findings/meta";
import { teardownMeta } from "./steps/teardown/meta";
import { userMfaMeta } from "./steps/user-mfa/meta";

/** The first hands-on: secure a new AWS account (IAM), then turn on logging and threat detection. */
export const accountSecurity = {
  id: "account-security",
  title: { ja: "AWS アカウントを安全に使い始める", en: "Start using an AWS account safely" },
  languages: ["ja", "en"],
  durationMinutes: 120,
  parts: [{ id: "iam" }, { id: "logging" }, { id: "wrap-up" }],
  steps: [rootAccessKeysMeta, rootMfaMeta, passwordPolicyMeta, adminGroupMeta, iamUserMeta, userMfaMeta, cloudtrailMeta, guarddutyMeta, sampleFindingsMeta, teardownMeta],
} as const satisfies WorkshopDef;

export type AccountSecurityStepId = (typeof accountSecurity.steps)[number]["id"];
