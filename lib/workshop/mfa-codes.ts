/**
 * An authentication code from an authenticator app: six digits. Spaces and full-width
 * digits (typed with a Japanese IME) are tidied away before checking.
 *
 * Browser-safe and without zod; the server validates with `mfaCodeSchema`
 * (lib/aws/input-schemas.ts), built from these same rules; tests/unit/input-rules.test.ts
 * runs both over the same cases.
 */
export const MFA_CODE_INPUT_MAX = 32;
export const MFA_CODE_PATTERN = /^\d{6}$/;

export function tidyMfaCode(value: string): string {
  return value.normalize("NFKC").replace(/\s/g, "");
}

export function isMfaCode(value: string): boolean {
  return value.length <= MFA_CODE_INPUT_MAX && MFA_CODE_PATTERN.test(tidyMfaCode(value));
}
