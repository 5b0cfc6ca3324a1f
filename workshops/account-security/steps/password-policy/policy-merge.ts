import type { PasswordPolicy as IamPasswordPolicy, UpdateAccountPasswordPolicyCommandInput } from "@aws-sdk/client-iam";
import { BASELINE_POLICY } from "@/lib/workshop/password-rules";

/**
 * UpdateAccountPasswordPolicy replaces the whole policy: a field left out goes back to its
 * default. So we send every field, raising what is below the baseline and keeping every
 * value the account already has that is stricter (or simply a choice of the attendee's).
 */
export function mergePasswordPolicy(
  current: IamPasswordPolicy | null | undefined,
  wantedMinimumLength: number = BASELINE_POLICY.minimumLength,
): UpdateAccountPasswordPolicyCommandInput {
  const c = current ?? {};
  const input: UpdateAccountPasswordPolicyCommandInput = {
    MinimumPasswordLength: Math.min(128, Math.max(c.MinimumPasswordLength ?? 0, wantedMinimumLength, BASELINE_POLICY.minimumLength)),
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    RequireNumbers: true,
    RequireSymbols: true,
    // The console's default, and what the hands-on ticks: users can change their own password.
    AllowUsersToChangePassword: c.AllowUsersToChangePassword ?? true,
    HardExpiry: c.HardExpiry ?? false,
  };
  if (c.MaxPasswordAge !== undefined && c.MaxPasswordAge > 0) input.MaxPasswordAge = c.MaxPasswordAge;
  if (c.PasswordReusePrevention !== undefined && c.PasswordReusePrevention > 0) {
    input.PasswordReusePrevention = c.PasswordReusePrevention;
  }
  return input;
}
