import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./tests/e2e/support/chromium";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Ports are chosen once, in the main process; workers inherit them through the environment.
process.env.E2E_PORT ??= String(21000 + Math.floor(Math.random() * 9000));
process.env.E2E_MOTO_PORT ??= String(31000 + Math.floor(Math.random() * 9000));
process.env.E2E_STRICT_AWS_PORT ??= String(41000 + Math.floor(Math.random() * 9000));
process.env.E2E_ARTIFACTS ??= `${process.cwd()}/.artifacts/e2e-${process.env.E2E_PORT}`;

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
export const MOTO_ENDPOINT = `http://127.0.0.1:${process.env.E2E_MOTO_PORT}`;
// Hajime reaches moto through the stricter AWS stand-in (tests/support/strict-aws): AWS
// behaviours moto lacks, each rule citing its AWS page; everything else passes to moto.
export const STRICT_AWS_ENDPOINT = `http://127.0.0.1:${process.env.E2E_STRICT_AWS_PORT}`;

/** Tests that start their own cluster of instances (tests/support/cluster.ts). */
const SEVERAL_INSTANCES = ["**/cluster.spec.ts", "**/proxy.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  // In CI one retry, so a test starved of CPU on a busy runner does not refuse the run; it is
  // still listed as "flaky" in the report. Locally none: a flaky test should be seen.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: ".artifacts/playwright",
  use: {
    baseURL,
    launchOptions: CHROMIUM_LAUNCH,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "app", testIgnore: SEVERAL_INSTANCES },
    // Two more instances, PostgreSQL and HAProxy on two cores: run after the rest, alone, so
    // they do not starve the other tests' AWS calls past their deadlines (nor are starved).
    { name: "several-instances", testMatch: SEVERAL_INSTANCES, dependencies: ["app"], workers: 1 },
  ],
  webServer: [
    {
      command: `moto_server -H 127.0.0.1 -p ${process.env.E2E_MOTO_PORT}`,
      url: `${MOTO_ENDPOINT}/moto-api/`,
      env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "true" },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "ignore",
    },
    {
      command: "node --import tsx tests/support/strict-aws/cli.ts",
      url: `${STRICT_AWS_ENDPOINT}/moto-api/`,
      env: { PORT: process.env.E2E_STRICT_AWS_PORT, MOTO_ENDPOINT },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Runs the app as `npm start` does, on the test build, and keeps its output for the canary test.
      command: "node tests/e2e/support/server.mjs",
      url: `${baseURL}/ja`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      timeout: 120_000,
      env: {
        PORT: process.env.E2E_PORT,
        AWS_ENDPOINT_URL: STRICT_AWS_ENDPOINT,
        E2E_ARTIFACTS: process.env.E2E_ARTIFACTS,
        // Every test creates its rooms from 127.0.0.1, and a retry creates more; the venue
        // default (10 per 10 min, measured by bench/abuse) would refuse the suite's eleventh.
        HAJIME_ROOMS_CREATED_PER_ADDRESS: "500",
      },
    },
  ],
});
