import { describe, expect, it } from "vitest";
import { Gate } from "@/lib/limits/gate";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("Gate", () => {
  it("runs at most `concurrency` at once, queues up to `maxQueue`, refuses the rest at once", async () => {
    const gate = new Gate(2, 1);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      new Promise<string>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        releases.push(() => {
          running--;
          resolve("done");
        });
      });
    const a = gate.run(task);
    const b = gate.run(task);
    const c = gate.run(task); // waits
    await tick();
    expect(await gate.run(task)).toBeUndefined(); // queue full
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    releases.shift()!();
    await tick();
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    while (releases.length) {
      releases.shift()!();
      await tick();
    }
    expect(await Promise.all([a, b, c])).toEqual([{ value: "done" }, { value: "done" }, { value: "done" }]);
    expect(peak).toBe(2);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a task throws", async () => {
    const gate = new Gate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(await gate.run(async () => 1)).toEqual({ value: 1 });
  });
});
