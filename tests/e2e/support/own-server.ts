import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../support/moto";

/**
 * The app as `npm start` runs it (server/main.mjs under the supervisor, via ./server.mjs) on
 * the test build, with its own port and data folder, for tests that kill the server: the
 * shared Playwright server is never touched.
 */
export class OwnServer {
  private child: ChildProcess | undefined;
  private started = false;
  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly env: Record<string, string>,
  ) {}

  static async create(name: string, env: Record<string, string> = {}): Promise<OwnServer> {
    const port = await freePort();
    const dir = join(process.env.E2E_ARTIFACTS ?? ".artifacts/e2e", `${name}-${port}`);
    mkdirSync(dir, { recursive: true });
    return new OwnServer(port, dir, env);
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get dataDir(): string {
    return join(this.dir, "data");
  }

  get log(): string {
    try {
      return readFileSync(join(this.dir, "server.log"), "utf8");
    } catch {
      return "";
    }
  }

  /** The pid of the server process itself (not the supervisor). */
  serverPid(): number {
    return Number(readFileSync(join(this.dir, "server.pid"), "utf8"));
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["tests/e2e/support/server.mjs"], {
      env: {
        ...process.env,
        E2E_ARTIFACTS: this.dir,
        PORT: String(this.port),
        // Through the stricter AWS stand-in, as the shared test server.
        AWS_ENDPOINT_URL: `http://127.0.0.1:${process.env.E2E_STRICT_AWS_PORT}`,
        E2E_KEEP_DATA: this.started ? "1" : "0",
        ...this.env,
      },
      stdio: ["ignore", "ignore", "ignore"],
      // Its own process group, so kill9() reaches the supervisor and the server.
      detached: true,
    });
    this.child = child;
    this.started = true;
    await this.waitUntilServing(child);
  }

  async waitUntilServing(child = this.child, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${this.dir}/server.log`);
      try {
        if ((await fetch(`${this.base}/ja`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not come up; see ${this.dir}/server.log`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL to the whole process group: no shutdown hooks, no clean close of SQLite, no supervisor. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
    await exited;
    // Wait until the port is free.
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`${this.base}/ja`);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGTERM to the supervisor: a clean shutdown. Resolves with its exit code. */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    return exited;
  }
}
