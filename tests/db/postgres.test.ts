import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { queryOnce, startPostgres } from "../support/postgres";

/** Whether anything accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 100));
}

describe("startPostgres", () => {
  it("leaves no server and no folder after stop()", async () => {
    const postgres = await startPostgres({ database: "solo" });
    expect(await queryOnce<{ db: string }>(postgres.url, "SELECT current_database() AS db")).toEqual([{ db: "solo" }]);
    expect(await postgres.createDatabase("second")).toBe(postgres.url.replace(/solo$/, "second"));
    await postgres.stop();
    expect(existsSync(postgres.dir)).toBe(false);
    expect(await listening(postgres.port)).toBe(false);
    await postgres.stop();
  });

  it("leaves no server and no folder when the process that started it is killed", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/db/fixtures/start-postgres-and-wait.mts"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const started = await new Promise<{ dir: string; port: number }>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += String(d);
        if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]));
      });
      child.once("exit", (code) => reject(new Error(`the fixture exited (${code}) before starting PostgreSQL`)));
    });
    expect(await listening(started.port)).toBe(true);
    child.kill("SIGKILL");
    await until(async () => !existsSync(started.dir) && !(await listening(started.port)));
  });

  it("says what is missing when the PostgreSQL binaries are not there", async () => {
    await expect(startPostgres({ binDir: "/nonexistent/postgresql/bin" })).rejects.toThrow(
      /\/nonexistent\/postgresql\/bin\/initdb not found.*apt-get install -y postgresql-15/,
    );
  });
});
