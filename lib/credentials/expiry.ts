/**
 * How much time credentials have left, and what Hajime does about it. Browser-safe.
 * CloudShell credentials last about 15 minutes to an hour; Identity Center and role
 * sessions default to one hour.
 */

/** Below this, the banner warns at sign-in: step 6 alone takes several minutes. */
export const SHORT_SESSION_MS = 30 * 60_000;

/** Below this, step 6 does not start: a device made now could not be enabled in time. */
export const MFA_SETUP_MIN_MS = 5 * 60_000;

type Expiry = { expiresAt: number; expiryKnown: boolean };

export function timeLeft(session: Expiry, now = Date.now()): number | null {
  return session.expiryKnown ? session.expiresAt - now : null;
}

export function expiresSoon(session: Expiry, now = Date.now()): boolean {
  const left = timeLeft(session, now);
  return left !== null && left < SHORT_SESSION_MS;
}

/** Whether there is time to set up an MFA device (unknown expiry: assume so). */
export function timeForMfaSetup(session: Expiry, now = Date.now()): boolean {
  const left = timeLeft(session, now);
  return left === null || left >= MFA_SETUP_MIN_MS;
}

/** Whole minutes left, rounded down, never negative. */
export function minutesLeft(session: Expiry, now = Date.now()): number {
  return Math.max(0, Math.floor((timeLeft(session, now) ?? 0) / 60_000));
}
