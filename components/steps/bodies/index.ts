import type { ComponentType } from "react";
import type { StepId } from "@/lib/workshop/catalog";
import { AdminGroupBody } from "./AdminGroupBody";
import { CloudTrailBody } from "./CloudTrailBody";
import { GuardDutyBody } from "./GuardDutyBody";
import { IamUserBody } from "./IamUserBody";
import { PasswordPolicyBody } from "./PasswordPolicyBody";
import { RootAccessKeysBody } from "./RootAccessKeysBody";
import { RootMfaBody } from "./RootMfaBody";
import { SampleFindingsBody } from "./SampleFindingsBody";
import { TeardownBody } from "./TeardownBody";
import { UserMfaBody } from "./UserMfaBody";

/** The step-specific part of each card. A step without one shows only the shared frame. */
export const STEP_BODIES: Partial<Record<StepId, ComponentType>> = {
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
};
