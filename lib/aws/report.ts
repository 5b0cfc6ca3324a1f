import "server-only";
import type { Session } from "@/lib/credentials/vault";
import type { CheckOutcome } from "./run";

/**
 * Called with every batch of check outcomes an attendee's action produced. Rooms record
 * verified progress here (see lib/rooms). Must not throw and must not store the session.
 */
export async function reportOutcomes(_session: Session, _outcomes: CheckOutcome[]): Promise<void> {}
