import "server-only";
import type { StepId } from "@/lib/workshop/catalog";
import { publish } from "./bus";
import { rooms } from "./service";
import type { RoomStore, Seat } from "./store";

/**
 * Records the steps a check verified for the attendee in `seat` and tells the room's streams
 * what is new. Most check runs find nothing new (every done step was already recorded when
 * the seat was read, and progress only grows; the same account): those make no database
 * call at all, since every attendee's every check comes through here.
 */
export async function recordProgress(
  seat: Seat,
  doneSteps: readonly StepId[],
  accountKey: string | null,
  store: RoomStore = rooms(),
): Promise<void> {
  const fresh = [...new Set(doneSteps)].filter((step) => seat.attendee.done[step] === undefined);
  const sameAccount = accountKey === null || accountKey === seat.accountKey;
  if (fresh.length === 0 && sameAccount) return;
  const { code, attendee: { id: attendeeId } } = seat;
  const { recorded, accountChanged } = await store.recordDone(attendeeId, fresh, accountKey);
  for (const r of recorded) publish(code, { type: "progress", attendeeId, step: r.step, at: r.at });
  if (accountChanged) publish(code, { type: "accounts", sharedAccounts: await store.sharedAccounts(code), at: Date.now() });
}
