import { z } from "zod";
import { USER_NAME_MAX, USER_NAME_PATTERN } from "@/lib/workshop/iam-names";
import { MFA_CODE_INPUT_MAX, MFA_CODE_PATTERN, tidyMfaCode } from "@/lib/workshop/mfa-codes";

/**
 * The server's zod schemas for inputs the browser also checks. They are built from the
 * browser's rules (lib/workshop/iam-names.ts, mfa-codes.ts, which stay free of zod so it
 * never reaches a page); tests/unit/input-rules.test.ts runs both over the same cases so
 * the two cannot drift.
 */

/** An IAM user name, trimmed; the error message is the `UserNameProblem`. */
export const userNameSchema = z
  .string()
  .trim()
  .min(1, { error: "empty" })
  .max(USER_NAME_MAX, { error: "too-long" })
  .regex(USER_NAME_PATTERN, { error: "characters" });

/** Six digits from an authenticator app, tidied (spaces and full-width digits). */
export const mfaCodeSchema = z.string().max(MFA_CODE_INPUT_MAX).transform(tidyMfaCode).pipe(z.string().regex(MFA_CODE_PATTERN));
