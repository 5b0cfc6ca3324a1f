import "server-only";
import { clearSessionCookie, readSessionId } from "@/lib/credentials/cookie";
import { currentSession } from "@/lib/credentials/current";
import { forgetSession, type Session } from "@/lib/credentials/vault";
import { endsSession, fail, toFailure, type Failure } from "./errors";

/**
 * Session handling shared by the action files (a 'use server' file may only export
 * actions, so the helpers cannot live there).
 */
export async function requireSession(): Promise<Session | Failure> {
  const session = await currentSession();
  if (!session) {
    // The cookie may outlive the credentials (expiry, restart): drop it.
    if (await readSessionId()) await clearSessionCookie();
    return fail("not-signed-in");
  }
  return session;
}

/** Ends the session when AWS said the credentials are dead; returns the failure then. */
export async function endIfDead(session: Session, failure: Failure | undefined): Promise<Failure | undefined> {
  if (failure && endsSession(failure)) {
    forgetSession(session.id);
    await clearSessionCookie();
    return failure;
  }
  return undefined;
}

/** What an action returns for an error it caught: a failure value, ending the session when it must. */
export async function failureFrom(session: Session, error: unknown): Promise<Failure> {
  const failure = toFailure(error);
  return (await endIfDead(session, failure)) ?? failure;
}
