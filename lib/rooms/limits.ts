import "server-only";
import type { Failure } from "@/lib/result";
import type { Session } from "@/lib/credentials/vault";
import { take } from "@/lib/limits/rate";
import { hashSecret } from "./secrets";
import { currentSeat, type Seat } from "./service";

/**
 * Check and fix runs are limited per attendee (per credential session outside a room),
 * generously: "check all" plus a few fixes a minute is normal use. Taken by every action that
 * declares `rateLimit: "checks"` (lib/actions/session-action.ts), before it runs.
 */
export async function checkRunLimit(session: Session, seat: () => Promise<Seat | undefined> = currentSeat): Promise<Failure | undefined> {
  const attendee = await seat();
  return take("checks", attendee ? `attendee:${attendee.attendee.id}` : `session:${hashSecret(session.id)}`);
}
