import "server-only";
import { clearSessionCookie, readSessionId } from "@/lib/credentials/cookie";
import { currentSession } from "@/lib/credentials/current";
import { endReason, forgetSession, type Session } from "@/lib/credentials/vault";
import { endsSession, fail, toFailure, type Failure } from "./errors";

/**
 * Session handling shared by the action files (a 'use server' file may only export
 * actions, so the helpers cannot live there).
 */
export async function requireSession(): Promise<Session | Failure> {
  const session = await currentSession();
  if (session) return session;
  const id = await readSessionId();
  if (!id) return fail("not-signed-in", { why: "none" });
  // The cookie outlived the credentials: say why, then drop it. A process that never held
  // this session has restarted since it was made (or the id is made up, which is the same to us).
  await clearSessionCookie();
  return fail("not-signed-in", { why: endReason(id) ?? "restarted" });
}

/** Ends the session when AWS said the credentials are dead; returns the failure then. */
export async function endIfDead(session: Session, failure: Failure | undefined): Promise<Failure | undefined> {
  if (failure && endsSession(failure)) {
    forgetSession(session.id, failure.code === "expired" ? "expired" : "invalid");
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
