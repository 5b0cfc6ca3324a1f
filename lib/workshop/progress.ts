import { countedSteps, type StepId } from "@/workshops";

export type Progress = { done: number; total: number };

/**
 * How far an attendee is through the workshop, counted one way everywhere: the attendee's
 * page ("完了 3 / 10"), the room bar ("ボードに記録済み 3 / 10") and the board's "finished"
 * (lib/rooms/model.ts isFinished) all count every step of this workshop, step 10 included,
 * out of all of them, and a step counts once a check has verified it. `isDone` says which:
 * the board's record in a room, what this page has seen verified on the attendee's page.
 * A step that reads "todo" again later (steps 7–9 after the teardown) stays counted, as the
 * board keeps its first verified time.
 */
export function progressCount(steps: readonly StepId[], isDone: (id: StepId) => boolean): Progress {
  // Steps a workshop marks `counted: false` are shown but not counted (none in the first workshop).
  const counted = countedSteps(steps);
  return { done: counted.filter(isDone).length, total: counted.length };
}
