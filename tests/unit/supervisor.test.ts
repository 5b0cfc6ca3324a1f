import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitReason, restartDelay } from "@/server/supervisor.mjs";

describe("supervisor", () => {
  it("names why the server died", () => {
    expect(exitReason(null, "SIGKILL")).toMatch(/SIGKILL/);
    expect(exitReason(134, null, "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory")).toBe(
      "JavaScript heap out of memory",
    );
    expect(exitReason(1, null)).toBe("exited with code 1");
  });

  it("backs off when the server keeps dying, up to 30 s", () => {
    expect(restartDelay(0)).toBe(100);
    expect(restartDelay(3)).toBe(800);
    expect(restartDelay(20)).toBe(30_000);
  });

  const dir = mkdtempSync(join(tmpdir(), "hajime-supervisor-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts the server again after SIGKILL and stops it cleanly on SIGTERM", async () => {
    // A stand-in server: writes its pid, exits 0 on SIGTERM.
    const child = join(dir, "child.mjs");
    writeFileSync(child, `process.on("SIGTERM", () => process.exit(0)); setInterval(() => {}, 1000);`);
    const runner = join(dir, "run.mjs");
    const pidFile = join(dir, "pid");
    writeFileSync(
      runner,
      `import { supervise } from ${JSON.stringify(new URL("../../server/supervisor.mjs", import.meta.url).pathname)};
       supervise({ command: process.execPath, args: [${JSON.stringify(child)}], env: process.env, cwd: ${JSON.stringify(dir)}, pidFile: ${JSON.stringify(pidFile)} });`,
    );
    const sup = spawn(process.execPath, [runner], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    sup.stderr.on("data", (c) => (log += c));
    const pid = async (not?: number) => {
      for (let i = 0; i < 100; i++) {
        try {
          const p = Number(readFileSync(pidFile, "utf8"));
          if (p && p !== not) return p;
        } catch {
          // not written yet
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("no pid");
    };
    const first = await pid();
    process.kill(first, "SIGKILL");
    const second = await pid(first);
    expect(second).not.toBe(first);
    expect(log).toMatch(/killed with SIGKILL/);
    const exited = new Promise<number | null>((r) => sup.on("exit", (code) => r(code)));
    sup.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(() => process.kill(second, 0)).toThrow();
  });
});
