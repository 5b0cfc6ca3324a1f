import "server-only";
import { accountKey } from "@/lib/db/account-key";
import type { Session } from "@/lib/credentials/vault";
import { recordProgress } from "@/lib/rooms/progress";
import { currentSeat, type Seat } from "@/lib/rooms/service";
import type { CheckOutcome } from "./run";

/**
 * Called with every batch of check outcomes an attendee's action produced. In a room (the
 * request carries that room's attendee cookie) the steps checks verified as "done" are
 * recorded as progress, with a keyed hash of the account (never the id). Must not throw
 * and must not store the session.
 */
export async function reportOutcomes(
  session: Session,
  outcomes: CheckOutcome[],
  seat: () => Promise<Seat | undefined> = currentSeat,
): Promise<void> {
  try {
    const current = await seat();
    if (!current) return;
    const done = outcomes.filter((o) => o.state === "done").map((o) => o.id);
    await recordProgress(current, done, accountKey(session.identity.accountId));
  } catch {
    // Progress is a side effect of a check; the attendee still gets their result.
  }
}
