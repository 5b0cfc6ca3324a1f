import "server-only";
import { accountSummary } from "@/lib/aws/account-summary";
import type { Step } from "@/lib/aws/step";

/**
 * "none": the root user has no password, access keys or signing certificates, as in a member
 * account whose root access AWS Organizations manages centrally (its root credentials were
 * deleted). "unknown": AWS did not say (GetAccountSummary without AccountPasswordPresent).
 */
export type RootCredentials = "present" | "none" | "unknown";

export type RootMfaDetail = { enabled: boolean; rootCredentials: RootCredentials };

/**
 * Step 2, console-only: no API assigns an MFA device to the root user. Done when root has
 * MFA, or when root has no credentials at all: nobody can sign in as root, so there is
 * nothing to protect. AWS Config's root-account-mfa-enabled (behind Security Hub IAM.9)
 * "returns NOT_APPLICABLE if root user credentials are not present", and Prowler's
 * iam_root_mfa_enabled skips accounts under centralized root credentials management.
 * GetAccountSummary says which: AccountPasswordPresent.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 * https://docs.aws.amazon.com/config/latest/developerguide/root-account-mfa-enabled.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management
 */
export const rootMfa: Step<RootMfaDetail> = {
  id: "root-mfa",
  async check(aws) {
    const summary = await accountSummary(aws);
    const enabled = summary.AccountMFAEnabled === 1;
    const rootCredentials: RootCredentials =
      summary.AccountPasswordPresent === undefined
        ? "unknown"
        : summary.AccountPasswordPresent === 0 && !summary.AccountAccessKeysPresent && !summary.AccountSigningCertificatesPresent
          ? "none"
          : "present";
    return { state: enabled || rootCredentials === "none" ? "done" : "todo", detail: { enabled, rootCredentials } };
  },
};
