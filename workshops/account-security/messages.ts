import rootAccessKeysJa from "./steps/root-access-keys/ja.json";
import rootMfaJa from "./steps/root-mfa/ja.json";
import passwordPolicyJa from "./steps/password-policy/ja.json";
import adminGroupJa from "./steps/admin-group/ja.json";
import iamUserJa from "./steps/iam-user/ja.json";
import userMfaJa from "./steps/user-mfa/ja.json";
import cloudtrailJa from "./steps/cloudtrail/ja.json";
import guarddutyJa from "./steps/guardduty/ja.json";
import sampleFindingsJa from "./steps/sample-findings/ja.json";
import teardownJa from "./steps/teardown/ja.json";
import rootAccessKeysEn from "./steps/root-access-keys/en.json";
import rootMfaEn from "./steps/root-mfa/en.json";
import passwordPolicyEn from "./steps/password-policy/en.json";
import adminGroupEn from "./steps/admin-group/en.json";
import iamUserEn from "./steps/iam-user/en.json";
import userMfaEn from "./steps/user-mfa/en.json";
import cloudtrailEn from "./steps/cloudtrail/en.json";
import guarddutyEn from "./steps/guardduty/en.json";
import sampleFindingsEn from "./steps/sample-findings/en.json";
import teardownEn from "./steps/teardown/en.json";
import workshopJa from "./ja.json";
import workshopEn from "./en.json";
import type { AccountSecurityStepId } from "./workshop";

// Each step's texts live beside it (steps/<id>/{ja,en}.json) under the namespace `steps.<id>`;
// the workshop's own (its description, `workshops.<id>.description`) in ./{ja,en}.json.
const jaSteps = {
  "root-access-keys": rootAccessKeysJa,
  "root-mfa": rootMfaJa,
  "password-policy": passwordPolicyJa,
  "admin-group": adminGroupJa,
  "iam-user": iamUserJa,
  "user-mfa": userMfaJa,
  cloudtrail: cloudtrailJa,
  guardduty: guarddutyJa,
  "sample-findings": sampleFindingsJa,
  teardown: teardownJa,
} satisfies Record<AccountSecurityStepId, object>;

const enSteps = {
  "root-access-keys": rootAccessKeysEn,
  "root-mfa": rootMfaEn,
  "password-policy": passwordPolicyEn,
  "admin-group": adminGroupEn,
  "iam-user": iamUserEn,
  "user-mfa": userMfaEn,
  cloudtrail: cloudtrailEn,
  guardduty: guarddutyEn,
  "sample-findings": sampleFindingsEn,
  teardown: teardownEn,
} satisfies Record<AccountSecurityStepId, object>;

export const accountSecurityMessages = { ja: { ...workshopJa, steps: jaSteps }, en: { ...workshopEn, steps: enSteps } };
