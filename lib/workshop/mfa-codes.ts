import { z } from "zod";

/**
 * An authentication code from an authenticator app: six digits. Spaces and full-width
 * digits (typed with a Japanese IME) are tidied away before checking.
 */
export function tidyMfaCode(value: string): string {
  return value.normalize("NFKC").replace(/\s/g, "");
}

export const mfaCodeSchema = z
  .string()
  .max(32)
  .transform(tidyMfaCode)
  .pipe(z.string().regex(/^\d{6}$/));

export function isMfaCode(value: string): boolean {
  return mfaCodeSchema.safeParse(value).success;
}
