/**
 * An account password policy and the checks IAM applies to a new password, shared by the
 * browser (live feedback) and the server (the real gate, since moto does not enforce it).
 */

export type PasswordPolicy = {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
};

/** Security Hub IAM.7 defaults, which the workshop's step 3 sets. */
export const BASELINE_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** CIS AWS Foundations asks for 14 characters: shown as a stricter standard. */
export const CIS_MINIMUM_LENGTH = 14;

/** When an account has no policy, IAM requires 8 characters and nothing else. */
export const AWS_DEFAULT_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: false,
  requireLowercase: false,
  requireNumbers: false,
  requireSymbols: false,
};

/** The symbols IAM counts as "non-alphanumeric". */
export const IAM_SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

export type PasswordProblem =
  | "too-short"
  | "too-long"
  | "needs-uppercase"
  | "needs-lowercase"
  | "needs-number"
  | "needs-symbol"
  | "invalid-characters";

export const MAX_PASSWORD_LENGTH = 128;

export function passwordProblems(password: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < Math.max(policy.minimumLength, 6)) problems.push("too-short");
  if (length > MAX_PASSWORD_LENGTH) problems.push("too-long");
  // IAM accepts printable Basic Latin only (plus tab, newline and carriage return; we refuse those).
  if (!/^[\x20-\x7E]*$/.test(password)) problems.push("invalid-characters");
  if (policy.requireUppercase && !/[A-Z]/.test(password)) problems.push("needs-uppercase");
  if (policy.requireLowercase && !/[a-z]/.test(password)) problems.push("needs-lowercase");
  if (policy.requireNumbers && !/[0-9]/.test(password)) problems.push("needs-number");
  if (policy.requireSymbols && ![...password].some((c) => IAM_SYMBOLS.includes(c))) {
    problems.push("needs-symbol");
  }
  return problems;
}

export function meetsBaseline(policy: PasswordPolicy | null): boolean {
  if (!policy) return false;
  return (
    policy.minimumLength >= BASELINE_POLICY.minimumLength &&
    policy.requireUppercase &&
    policy.requireLowercase &&
    policy.requireNumbers &&
    policy.requireSymbols
  );
}

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "!@#$%^&*()_+-=[]{}";

/**
 * A strong password that satisfies `policy`, from the Web Crypto API (browser and Node).
 * Look-alike characters (0/O, 1/l/I) are left out: attendees type it on a phone.
 */
export function generatePassword(policy: PasswordPolicy, length = 20): string {
  const size = Math.min(MAX_PASSWORD_LENGTH, Math.max(length, policy.minimumLength, 12));
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => set[randomIndex(set.length)];
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < size) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

function randomIndex(max: number): number {
  // Rejection sampling keeps the choice uniform.
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    if (buf[0] < limit) return buf[0] % max;
  }
}
