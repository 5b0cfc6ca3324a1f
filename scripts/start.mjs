#!/usr/bin/env node
// `npm start`: build when there is no build (or the sources are newer), then serve, supervised.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { serverNodeOptions } from "./server-node-options.mjs";
import { supervise } from "../server/supervisor.mjs";

const root = new URL("..", import.meta.url).pathname;
const distDir = process.env.HAJIME_DIST_DIR || ".next";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const host = process.env.HOST || "0.0.0.0";
const port = process.env.PORT || "3000";
const next = join(root, "node_modules", "next", "dist", "bin", "next");

const SOURCES = ["app", "components", "lib", "instrumentation.ts", "i18n", "messages", "public", "proxy.ts", "next.config.mjs", "package-lock.json", "tailwind.config.ts", "postcss.config.mjs"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const buildId = join(root, distDir, "BUILD_ID");
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sources = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));

if (!built || sources > built) {
  console.log(built ? "Sources changed since the last build: building…" : "No build yet: building (about a minute)…");
  const result = spawnSync(process.execPath, [next, "build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Supervised: if the server dies (crash, out of memory, kill -9) it is started again.
const serverEnv = { ...env, NODE_ENV: "production", HOST: host, PORT: port, NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS) };
supervise({
  command: process.execPath,
  args: [join(root, "server", "main.mjs")],
  env: serverEnv,
  cwd: root,
  pidFile: process.env.HAJIME_PID_FILE,
});
