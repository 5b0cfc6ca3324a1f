/**
 * IAM user names: 1 to 64 characters from letters, digits and `+ = , . @ _ -`. IAM treats
 * names that differ only in case as the same name.
 *
 * Browser-safe and without zod (it would add ~40 KB of gzipped JS to the attendee page).
 * The server validates with `userNameSchema` (lib/aws/input-schemas.ts), built from these
 * same rules; tests/unit/input-rules.test.ts runs both over the same cases.
 */
export const USER_NAME_MAX = 64;
export const USER_NAME_PATTERN = /^[A-Za-z0-9+=,.@_-]+$/;

export type UserNameProblem = "empty" | "too-long" | "characters";

/** What is wrong with a user name (surrounding spaces ignored), or null when IAM will take it. */
export function userNameProblem(value: string): UserNameProblem | null {
  const name = value.trim();
  if (name.length < 1) return "empty";
  if (name.length > USER_NAME_MAX) return "too-long";
  if (!USER_NAME_PATTERN.test(name)) return "characters";
  return null;
}

/**
 * Full-width letters and digits typed with a Japanese IME become their ASCII forms
 * (ｔａｒｏ → taro), and surrounding spaces go. The attendee sees the result in the field.
 */
export function tidyUserName(value: string): string {
  return value.normalize("NFKC").trim();
}
