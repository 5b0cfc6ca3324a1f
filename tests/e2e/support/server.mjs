#!/usr/bin/env node
// Starts `next start` for the browser tests with a fresh DATA_DIR, writing everything the
// server prints to E2E_ARTIFACTS/server.log (the canary test reads it) as well as stdout.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../..", import.meta.url).pathname;
const artifacts = process.env.E2E_ARTIFACTS;
if (!artifacts) throw new Error("E2E_ARTIFACTS is not set");
rmSync(artifacts, { recursive: true, force: true });
const dataDir = join(artifacts, "data");
mkdirSync(dataDir, { recursive: true });
const log = createWriteStream(join(artifacts, "server.log"), { flags: "a" });

const child = spawn(
  process.execPath,
  [join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", process.env.PORT ?? "3000"],
  {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      HAJIME_DIST_DIR: process.env.HAJIME_DIST_DIR ?? ".next-test",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: `next start` forks a next-server child that must die with it.
    detached: true,
  },
);
for (const stream of [child.stdout, child.stderr]) {
  stream.on("data", (chunk) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}
const stop = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
child.on("exit", (code) => {
  log.end();
  process.exit(code ?? 0);
});
