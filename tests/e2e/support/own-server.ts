import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../support/moto";
import { motoEndpoint } from "./attendee";

/**
 * A `next start` of the test build of this test's own (own port, own DATA_DIR), for tests
 * that kill the server: the shared Playwright server is never touched.
 */
export class OwnServer {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly logPath: string,
  ) {}

  static async create(name: string): Promise<OwnServer> {
    const port = await freePort();
    const dir = join(process.env.E2E_ARTIFACTS ?? ".artifacts/e2e", `${name}-${port}`);
    mkdirSync(join(dir, "data"), { recursive: true });
    return new OwnServer(port, join(dir, "data"), join(dir, "server.log"));
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const log = createWriteStream(this.logPath, { flags: "a" });
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(this.port)], {
      env: {
        ...process.env,
        DATA_DIR: this.dataDir,
        AWS_ENDPOINT_URL: motoEndpoint(),
        HAJIME_DIST_DIR: ".next-test",
        NEXT_TELEMETRY_DISABLED: "1",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: next start forks a next-server child that must die with it.
      detached: true,
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${this.logPath}`);
      try {
        if ((await fetch(`${this.base}/ja`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`next start did not come up; see ${this.logPath}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGKILL to the whole process group: no shutdown hooks, no clean close of SQLite. */
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
    // The forked next-server gets the signal too; wait until the port is free.
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`${this.base}/ja`);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
