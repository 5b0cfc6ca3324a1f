import "server-only";
import { clearSessionCookie, readSessionId } from "@/lib/credentials/cookie";
import { currentSession } from "@/lib/credentials/current";
import { forgetSession, type Session } from "@/lib/credentials/vault";
import { endsSession, fail, type Failure } from "./errors";

/**
 * The same session handling as lib/aws/actions.ts, for action files of other areas (a
 * 'use server' file may only export actions, so the helpers cannot live there).
 */
export async function requireSession(): Promise<Session | Failure> {
  const session = await currentSession();
  if (!session) {
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
