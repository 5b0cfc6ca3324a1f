import type { IdentityKind } from "./identity";

/**
 * The longest that STS can issue temporary credentials for, by who they belong to. A pasted
 * expiry later than this is not believed (a paste says 2099; no STS answer can), and a
 * paste without one (Identity Center copies) gets this as its upper bound.
 *
 * - Role sessions (AssumeRole*, Identity Center, CloudShell as a role): at most 12 hours,
 *   the largest MaxSessionDuration a role can have.
 *   https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (DurationSeconds)
 * - IAM users (GetSessionToken) and federated users (GetFederationToken): at most 36 hours.
 *   https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 *   https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 * - The root user: at most 1 hour ("Sessions for AWS account owners are restricted to a
 *   maximum of 3,600 seconds"), same pages.
 */
const HOUR = 60 * 60 * 1000;
export const MAX_LIFETIME_MS: Record<IdentityKind, number> = {
  role: 12 * HOUR,
  user: 36 * HOUR,
  federated: 36 * HOUR,
  root: 1 * HOUR,
};

/** When a session made now must end: the pasted expiry, clamped to what STS could have issued. */
export function sessionExpiry(kind: IdentityKind, pasted: Date | undefined, now: number): { expiresAt: number; clamped: boolean } {
  const latest = now + MAX_LIFETIME_MS[kind];
  if (!pasted) return { expiresAt: latest, clamped: false };
  const at = pasted.getTime();
  return at > latest ? { expiresAt: latest, clamped: true } : { expiresAt: at, clamped: false };
}
