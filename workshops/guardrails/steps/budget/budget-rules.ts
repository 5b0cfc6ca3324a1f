/**
 * What the budget form accepts, browser-safe (no zod): the card checks as the attendee types,
 * and the server's fix input (server.ts) is built from the same limits and pattern.
 */

/** USD a month. */
export const BUDGET_AMOUNT = { min: 1, max: 1_000_000 } as const;
/** The longest email address (RFC 5321's path limit). */
export const EMAIL_MAX_LENGTH = 254;
/** zod 4's email pattern (`z.regexes.email`), so the browser and the server agree. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** What the form starts with: plenty for trying things out. */
export const DEFAULT_BUDGET_AMOUNT = "10";

export type AmountProblem = "required" | "not-a-number" | "too-small" | "too-large";
export type EmailProblem = "required" | "too-long" | "invalid";

/**
 * What the form sends and the server reads: full-width digits and letters (a Japanese IME's
 * "１０", "ｍｅ＠…") as their ASCII forms, no spaces around.
 */
export const cleanInput = (text: string) => text.normalize("NFKC").trim();

/** Why an amount typed in the form would be refused, or null (Number() as zod's coerce reads it). */
export function amountProblem(text: string): AmountProblem | null {
  const trimmed = cleanInput(text);
  if (trimmed === "") return "required";
  const amount = Number(trimmed);
  if (!Number.isFinite(amount)) return "not-a-number";
  if (amount < BUDGET_AMOUNT.min) return "too-small";
  if (amount > BUDGET_AMOUNT.max) return "too-large";
  return null;
}

/** Why an email address typed in the form would be refused, or null (trimmed first, as the server does). */
export function emailProblem(text: string): EmailProblem | null {
  const trimmed = cleanInput(text);
  if (trimmed === "") return "required";
  if (trimmed.length > EMAIL_MAX_LENGTH) return "too-long";
  if (!EMAIL_PATTERN.test(trimmed)) return "invalid";
  return null;
}
