import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerShutdownHook } from "@/lib/lifecycle";
import { runShutdownHooks, SHUTDOWN_HOOKS } from "@/server/hooks.mjs";

const hooks = () => (globalThis as unknown as Record<symbol, Map<string, () => unknown>>)[SHUTDOWN_HOOKS];

describe("shutdown hooks", () => {
  let before: [string, () => unknown][] = [];
  beforeEach(() => {
    before = [...(hooks() ?? new Map())];
    hooks()?.clear();
  });
  afterEach(() => {
    hooks()?.clear();
    for (const [name, hook] of before) hooks()?.set(name, hook);
    vi.useRealTimers();
  });

  it("a hook that never finishes (a database that stopped answering) does not hold the others or the exit", async () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Registered first, run last: the database outlives the hooks that write to it.
    registerShutdownHook("pool", async () => void ran.push("pool"), { last: true });
    registerShutdownHook("streams", () => void ran.push("streams"));
    registerShutdownHook("stuck", () => new Promise(() => ran.push("stuck")));
    registerShutdownHook("throws", () => {
      ran.push("throws");
      throw new Error("boom");
    });
    const done = runShutdownHooks(3_000);
    await vi.advanceTimersByTimeAsync(3_000);
    await done;
    expect(ran).toEqual(["streams", "stuck", "throws", "pool"]);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      "shutdown hook stuck did not finish in 3000 ms",
      "shutdown hook throws failed:",
    ]);
    errors.mockRestore();
  });
});
