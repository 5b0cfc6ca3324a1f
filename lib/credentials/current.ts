import "server-only";
import { createAws, type Aws } from "@/lib/aws/clients";
import { readSessionId } from "./cookie";
import type { SessionEndReason } from "@/lib/result";
import type { SessionView } from "./session-view";
import { sessionView } from "./sign-in";
import { endReason, getSession, type Session } from "./vault";

/** The signed-in attendee's session for this request, if its credentials are still alive. */
export async function currentSession(): Promise<Session | undefined> {
  return getSession(await readSessionId());
}

/** The session's AWS clients for one server action, whose AWS calls together get `budgetMs` (lib/aws/deadlines.ts). */
export function awsFor(session: Session, budgetMs: number): Aws {
  return createAws(
    {
      keys: session.keys,
      region: session.region,
      accountId: session.identity.accountId,
      partition: session.identity.partition,
    },
    { budgetMs },
  );
}

/**
 * This request's session, or why there is none although the browser still sends a session
 * cookie ("restarted" when this process never held that session); `ended` is null without one.
 */
export async function sessionOrEndReason(): Promise<{ session?: Session; ended: SessionEndReason | null }> {
  const id = await readSessionId();
  const session = getSession(id);
  if (session) return { session, ended: null };
  if (!id) return { ended: null };
  return { ended: endReason(id) ?? "restarted" };
}

/** For a page being rendered: the session's view, or why there is none (sessionOrEndReason). */
export async function pageSession(): Promise<{ session: SessionView | null; ended: SessionEndReason | null }> {
  const { session, ended } = await sessionOrEndReason();
  return { session: session ? sessionView(session) : null, ended };
}
