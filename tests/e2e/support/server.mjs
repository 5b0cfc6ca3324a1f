#!/usr/bin/env node
// Starts the app for the browser tests as `npm start` does (server/main.mjs under the
// supervisor, same heap flags), with a fresh DATA_DIR, writing everything the server
// prints to E2E_ARTIFACTS/server.log (the canary test reads it) as well as stdout, and
// the server's pid to E2E_ARTIFACTS/server.pid (the crash test kills it).
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serverNodeOptions } from "../../../scripts/server-node-options.mjs";
import { supervise } from "../../../server/supervisor.mjs";

const root = new URL("../../..", import.meta.url).pathname;
const artifacts = process.env.E2E_ARTIFACTS;
if (!artifacts) throw new Error("E2E_ARTIFACTS is not set");
// A fresh folder, unless a test restarts a server it killed (its data must survive).
if (process.env.E2E_KEEP_DATA !== "1") rmSync(artifacts, { recursive: true, force: true });
const dataDir = join(artifacts, "data");
mkdirSync(dataDir, { recursive: true });
mkdirSync(artifacts, { recursive: true });
const log = createWriteStream(join(artifacts, "server.log"), { flags: "a" });

// Not detached: Playwright signals this script's whole process group when the run ends
// (playwright.config.ts gracefulShutdown, then SIGKILL); the supervisor passes SIGTERM on.
supervise({
  command: process.execPath,
  args: [join(root, "server", "main.mjs")],
  cwd: root,
  pidFile: join(artifacts, "server.pid"),
  env: {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS),
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    HAJIME_DIST_DIR: process.env.HAJIME_DIST_DIR ?? ".next-test",
    // app/[locale]/e2e-hooks: pages that exist only for the browser tests.
    HAJIME_E2E_HOOKS: "1",
  },
  log: (line) => {
    const text = `[hajime] ${line}\n`;
    log.write(text);
    process.stdout.write(text);
  },
  onOutput: (chunk) => {
    log.write(chunk);
    process.stdout.write(chunk);
  },
});
