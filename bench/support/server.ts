import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverNodeOptions } from "../../scripts/server-node-options.mjs";
import { freePort } from "../../tests/support/moto";
import { send } from "./app-client";

const root = new URL("../..", import.meta.url).pathname;

export type BenchServer = {
  base: string;
  /** Its folder: server.pid, server.log (and the data folder). */
  artifacts: string;
  /** The pid of the server process itself (not the supervisor), as it is now. */
  pid: () => number;
  /** The server's log so far ("" if none). */
  log: () => string;
  /** SIGTERM to its process group; with a profile, waits (up to 15 s) for it to be written. Then its folder goes. */
  stop: () => Promise<void>;
};

/** Throws unless `dist` holds a build. */
export function requireBuild(dist: string): void {
  if (!existsSync(join(root, dist, "BUILD_ID"))) throw new Error(`no build in ${dist}: run \`HAJIME_DIST_DIR=${dist} npx next build\` first`);
}

/**
 * The app as `npm start` runs it (server/main.mjs under the supervisor, through
 * tests/e2e/support/server.mjs) on the build in `dist`, on a free port, in its own process
 * group, its AWS requests to `awsEndpoint`. Resolves once it serves /ja. With `profile`,
 * server/main.mjs alone (no supervisor) under --cpu-prof writing into that folder, which
 * NODE_OPTIONS may not carry.
 */
export async function startBenchServer(opts: {
  name: string;
  dist: string;
  awsEndpoint: string;
  profile?: string;
}): Promise<BenchServer> {
  const port = await freePort();
  const artifacts = mkdtempSync(join(tmpdir(), `hajime-bench-${opts.name}-`));
  const env = { ...process.env, E2E_ARTIFACTS: artifacts, PORT: String(port), HAJIME_DIST_DIR: opts.dist, AWS_ENDPOINT_URL: opts.awsEndpoint };
  const child: ChildProcess = opts.profile
    ? spawn(process.execPath, [`--cpu-prof`, `--cpu-prof-dir=${opts.profile}`, "server/main.mjs"], {
        cwd: root,
        env: {
          ...env,
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS),
          DATA_DIR: mkdtempSync(join(artifacts, "data-")),
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: "ignore",
        detached: true,
      })
    : spawn(process.execPath, ["tests/e2e/support/server.mjs"], { cwd: root, env, stdio: "ignore", detached: true });
  if (opts.profile) writeFileSync(join(artifacts, "server.pid"), String(child.pid));
  const base = `http://127.0.0.1:${port}`;
  const file = (name: string) => join(artifacts, name);
  const server: BenchServer = {
    base,
    artifacts,
    pid: () => Number(readFileSync(file("server.pid"), "utf8")),
    log: () => (existsSync(file("server.log")) ? readFileSync(file("server.log"), "utf8") : ""),
    stop: async () => {
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      // The profile is written as the server exits.
      if (opts.profile) await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      rmSync(artifacts, { recursive: true, force: true });
    },
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await send(`${base}/ja`, {})).status === 200) break;
      } catch {
        // starting
      }
      if (i > 300) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
