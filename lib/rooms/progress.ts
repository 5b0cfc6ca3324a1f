import "server-only";
import type { StepId } from "@/lib/workshop/catalog";
import { publish } from "./bus";
import { rooms } from "./service";

/** Records verified steps for an attendee and tells the room's streams what is new. */
export async function recordProgress(code: string, attendeeId: number, doneSteps: readonly StepId[], accountKey: string | null): Promise<void> {
  const store = rooms();
  const { recorded, accountChanged } = await store.recordDone(attendeeId, doneSteps, accountKey);
  for (const r of recorded) publish(code, { type: "progress", attendeeId, step: r.step, at: r.at });
  if (accountChanged) publish(code, { type: "accounts", sharedAccounts: await store.sharedAccounts(code), at: Date.now() });
}
