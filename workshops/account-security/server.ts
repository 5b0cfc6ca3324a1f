import "server-only";
import type { AnyStep } from "@/lib/aws/step";
import { adminGroup } from "./steps/admin-group/server";
import { cloudtrail } from "./steps/cloudtrail/server";
import { guardduty } from "./steps/guardduty/server";
import { iamUser } from "./steps/iam-user/server";
import { passwordPolicy } from "./steps/password-policy/server";
import { rootAccessKeys } from "./steps/root-access-keys/server";
import { rootMfa } from "./steps/root-mfa/server";
import { sampleFindings } from "./steps/sample-findings/server";
import { teardown } from "./steps/teardown/server";
import { userMfa } from "./steps/user-mfa/server";
import type { AccountSecurityStepId } from "./workshop";

/** This workshop's server steps: a step missing here fails tsc. */
export const accountSecurityServer = {
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
} satisfies Record<AccountSecurityStepId, AnyStep>;
