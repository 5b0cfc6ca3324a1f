import { z } from "zod";

/**
 * IAM user names: 1 to 64 characters from letters, digits and `+ = , . @ _ -`. IAM treats
 * names that differ only in case as the same name.
 */
export const USER_NAME_MAX = 64;
const USER_NAME_PATTERN = /^[A-Za-z0-9+=,.@_-]+$/;

export type UserNameProblem = "empty" | "too-long" | "characters";

export const userNameSchema = z
  .string()
  .trim()
  .min(1, { error: "empty" })
  .max(USER_NAME_MAX, { error: "too-long" })
  .regex(USER_NAME_PATTERN, { error: "characters" });

/** What is wrong with a user name, or null when IAM will take it. */
export function userNameProblem(value: string): UserNameProblem | null {
  const parsed = userNameSchema.safeParse(value);
  if (parsed.success) return null;
  return (parsed.error.issues[0]?.message as UserNameProblem | undefined) ?? "characters";
}

/**
 * Full-width letters and digits typed with a Japanese IME become their ASCII forms
 * (ｔａｒｏ → taro), and surrounding spaces go. The attendee sees the result in the field.
 */
export function tidyUserName(value: string): string {
  return value.normalize("NFKC").trim();
}
