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
  /** Only IAM's default policy has this: at least this many of the four character types. */
  minimumCharacterTypes?: number;
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

/**
 * When an account has no custom policy, IAM applies its default: 8 to 128 characters with
 * at least three of uppercase, lowercase, numbers and symbols (and not the account's name
 * or e-mail address, which Hajime cannot see).
 */
export const AWS_DEFAULT_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: false,
  requireLowercase: false,
  requireNumbers: false,
  requireSymbols: false,
  minimumCharacterTypes: 3,
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
  | "needs-more-types"
  | "invalid-characters";

export const MAX_PASSWORD_LENGTH = 128;

const hasUppercase = (p: string) => /[A-Z]/.test(p);
const hasLowercase = (p: string) => /[a-z]/.test(p);
const hasNumber = (p: string) => /[0-9]/.test(p);
const hasSymbol = (p: string) => [...p].some((c) => IAM_SYMBOLS.includes(c));

export function characterTypes(password: string): number {
  return [hasUppercase, hasLowercase, hasNumber, hasSymbol].filter((has) => has(password)).length;
}

/** The shortest password `policy` allows (IAM never accepts fewer than 6 characters). */
export function minimumLengthOf(policy: PasswordPolicy): number {
  return Math.max(policy.minimumLength, 6);
}

export function passwordProblems(password: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < minimumLengthOf(policy)) problems.push("too-short");
  if (length > MAX_PASSWORD_LENGTH) problems.push("too-long");
  // IAM accepts printable Basic Latin only (plus tab, newline and carriage return; we refuse those).
  if (!/^[\x20-\x7E]*$/.test(password)) problems.push("invalid-characters");
  if (policy.requireUppercase && !hasUppercase(password)) problems.push("needs-uppercase");
  if (policy.requireLowercase && !hasLowercase(password)) problems.push("needs-lowercase");
  if (policy.requireNumbers && !hasNumber(password)) problems.push("needs-number");
  if (policy.requireSymbols && !hasSymbol(password)) problems.push("needs-symbol");
  if (policy.minimumCharacterTypes && characterTypes(password) < policy.minimumCharacterTypes) {
    problems.push("needs-more-types");
  }
  return problems;
}

export type PasswordRule = {
  problem: PasswordProblem;
  met: boolean;
};

/**
 * The rules to show beside a password field as the attendee types: every rule the policy
 * has, met or not, then the always-on limits (length cap, characters) only when broken.
 */
export function passwordRuleList(password: string, policy: PasswordPolicy): PasswordRule[] {
  const problems = new Set(passwordProblems(password, policy));
  const shown: PasswordProblem[] = ["too-short"];
  if (policy.requireUppercase) shown.push("needs-uppercase");
  if (policy.requireLowercase) shown.push("needs-lowercase");
  if (policy.requireNumbers) shown.push("needs-number");
  if (policy.requireSymbols) shown.push("needs-symbol");
  if (policy.minimumCharacterTypes) shown.push("needs-more-types");
  const rules = shown.map((problem) => ({ problem, met: !problems.has(problem) }));
  for (const problem of ["too-long", "invalid-characters"] as const) {
    if (problems.has(problem)) rules.push({ problem, met: false });
  }
  return rules;
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
 * Look-alike characters (0/O, 1/l/I) are left out: attendees type it on a phone. It starts
 * with a letter, so that a spreadsheet opening the sign-in CSV does not take it for a
 * formula (=, +, -, @).
 */
export function generatePassword(policy: PasswordPolicy, length = 20): string {
  const size = Math.min(MAX_PASSWORD_LENGTH, Math.max(length, policy.minimumLength, 12));
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => set[randomIndex(set.length)];
  const rest = [pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (rest.length < size - 1) rest.push(pick(all));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return pick(UPPER) + rest.join("");
}

// Random words drawn in batches: one Web Crypto call per 64 picks rather than per pick.
const pool = new Uint32Array(64);
let poolLeft = 0;

function randomWord(): number {
  if (poolLeft === 0) {
    globalThis.crypto.getRandomValues(pool);
    poolLeft = pool.length;
  }
  poolLeft -= 1;
  const word = pool[poolLeft];
  pool[poolLeft] = 0;
  return word;
}

function randomIndex(max: number): number {
  // Rejection sampling keeps the choice uniform.
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  for (;;) {
    const word = randomWord();
    if (word < limit) return word % max;
  }
}
