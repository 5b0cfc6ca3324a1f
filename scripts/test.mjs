#!/usr/bin/env node
// `npm test`: every test. Unit, PostgreSQL-backed and moto-backed tests (vitest), then a
// production build into its own folder and the browser tests (Playwright + Debian Chromium +
// moto_server).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  HAJIME_DIST_DIR: ".next-test",
};

function need(command, hint) {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  if (found.status !== 0) {
    console.error(`✗ ${command} not found. ${hint}`);
    process.exit(1);
  }
}

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`✗ ${label} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} (${seconds} s)`);
}

need("moto_server", "The AWS tests need moto_server (moto 5.2.1): pip install 'moto[server]==5.2.1'.");
// The db tests start their own throwaway cluster (tests/support/postgres.ts), which says what is missing.
const pgBin = process.env.HAJIME_PG_BIN || "/usr/lib/postgresql/15/bin";
if (!existsSync(join(pgBin, "initdb"))) {
  console.error(`✗ PostgreSQL 15 not found in ${pgBin}. Install Debian's: apt-get install -y postgresql-15 (or set HAJIME_PG_BIN)`);
  process.exit(1);
}
// tests/e2e/proxy.spec.ts runs instances behind the shipped HAProxy config (tests/support/cluster.ts).
if (!existsSync("/usr/sbin/haproxy")) {
  console.error("✗ HAProxy not found at /usr/sbin/haproxy. Install Debian's: apt-get install -y haproxy");
  process.exit(1);
}
const chromium = process.env.HAJIME_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`✗ Chromium not found at ${chromium}. Install Debian's: apt-get install -y chromium`);
  process.exit(1);
}

// `node scripts/test.mjs e2e canary` passes what follows "e2e" to Playwright.
const [only, ...playwrightArgs] = process.argv.slice(2);
if (!only || only === "vitest") run("unit, database and AWS tests (vitest + PostgreSQL + moto_server)", bin("vitest"), ["run"]);
if (!only || only === "e2e") {
  run("production build for the browser tests", bin("next"), ["build"]);
  run("browser tests (Playwright + Chromium + moto_server + HAProxy)", bin("playwright"), ["test", ...playwrightArgs]);
}
