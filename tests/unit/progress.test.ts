import { describe, expect, it } from "vitest";
import { STEP_IDS, type StepId } from "@/lib/workshop/catalog";
import { isFinished } from "@/lib/rooms/model";
import { progressCount } from "@/lib/workshop/progress";

describe("progressCount", () => {
  it("counts every step of the workshop, step 10 included, as the board does", () => {
    const done: Partial<Record<StepId, number>> = { "root-access-keys": 1, "password-policy": 2 };
    expect(progressCount(STEP_IDS, (id) => done[id] !== undefined)).toEqual({ done: 2, total: 10 });
  });

  it("is complete exactly when the board calls the attendee finished", () => {
    const all = Object.fromEntries(STEP_IDS.map((id, i) => [id, i])) as Record<StepId, number>;
    const count = progressCount(STEP_IDS, (id) => all[id] !== undefined);
    expect(count.done === count.total).toBe(isFinished(STEP_IDS, all));
    const { teardown: _, ...allButTeardown } = all;
    const partial = progressCount(STEP_IDS, (id) => (allButTeardown as Partial<Record<StepId, number>>)[id] !== undefined);
    expect(partial).toEqual({ done: 9, total: 10 });
    expect(isFinished(STEP_IDS, allButTeardown)).toBe(false);
  });

  it("counts a room's chosen steps only", () => {
    const steps: StepId[] = ["root-mfa", "password-policy", "teardown"];
    expect(progressCount(steps, (id) => id === "password-policy" || id === "cloudtrail")).toEqual({ done: 1, total: 3 });
  });
});
