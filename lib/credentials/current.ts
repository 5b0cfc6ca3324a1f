import "server-only";
import { createAws, type Aws } from "@/lib/aws/clients";
import { readSessionId } from "./cookie";
import { getSession, type Session } from "./vault";

/** The signed-in attendee's session for this request, if its credentials are still alive. */
export async function currentSession(): Promise<Session | undefined> {
  return getSession(await readSessionId());
}

export function awsFor(session: Session): Aws {
  return createAws({
    keys: session.keys,
    region: session.region,
    accountId: session.identity.accountId,
    partition: session.identity.partition,
  });
}
