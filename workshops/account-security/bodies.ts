import type { ComponentType } from "react";
import { AdminGroupBody } from "./steps/admin-group/Body";
import { CloudTrailBody } from "./steps/cloudtrail/Body";
import { GuardDutyBody } from "./steps/guardduty/Body";
import { IamUserBody } from "./steps/iam-user/Body";
import { PasswordPolicyBody } from "./steps/password-policy/Body";
import { RootAccessKeysBody } from "./steps/root-access-keys/Body";
import { RootMfaBody } from "./steps/root-mfa/Body";
import { SampleFindingsBody } from "./steps/sample-findings/Body";
import { TeardownBody } from "./steps/teardown/Body";
import { UserMfaBody } from "./steps/user-mfa/Body";
import type { AccountSecurityStepId } from "./workshop";

/** This workshop's card bodies: a step missing here fails tsc. */
export const accountSecurityBodies = {
  "root-access-keys": RootAccessKeysBody,
  "root-mfa": RootMfaBody,
  "password-policy": PasswordPolicyBody,
  "admin-group": AdminGroupBody,
  "iam-user": IamUserBody,
  "user-mfa": UserMfaBody,
  cloudtrail: CloudTrailBody,
  guardduty: GuardDutyBody,
  "sample-findings": SampleFindingsBody,
  teardown: TeardownBody,
} satisfies Record<AccountSecurityStepId, ComponentType>;
