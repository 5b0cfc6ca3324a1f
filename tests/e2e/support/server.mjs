#!/usr/bin/env node
// Starts `next start` for the browser tests with a fresh DATA_DIR, writing everything the
// server prints to E2E_ARTIFACTS/server.log (the canary test reads it) as well as stdout.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serverNodeOptions } from "../../../scripts/server-node-options.mjs";

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
      NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS),
      DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      HAJIME_DIST_DIR: process.env.HAJIME_DIST_DIR ?? ".next-test",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Not detached: Playwright signals this script's whole process group when the run ends
    // (playwright.config.ts gracefulShutdown, then SIGKILL), and that group must include
    // `next start` and the next-server it forks, or they outlive the run.
  },
);
for (const stream of [child.stdout, child.stderr]) {
  stream.on("data", (chunk) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}
// The group signal reaches `next start` too; wait for it to exit rather than dying first.
process.on("SIGTERM", () => child.kill("SIGTERM"));
process.on("SIGINT", () => child.kill("SIGINT"));
child.on("exit", (code) => {
  log.end();
  process.exit(code ?? 0);
});
