import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; tests run lib/ code directly.
      "server-only": `${root}tests/support/server-only.ts`,
    },
  },
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // A step's own tests sit in its folder: `*.aws.test.ts` run against moto, the rest here.
          include: ["tests/unit/**/*.test.ts", "workshops/**/*.test.ts"],
          exclude: ["**/*.aws.test.ts", "**/node_modules/**"],
          environment: "node",
          // Projects with different maxWorkers must run as separate groups.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          // One throwaway PostgreSQL cluster (tests/support/postgres.ts); a database per file
          // (tests/db/fresh-database.ts).
          globalSetup: ["tests/db/global-setup.ts"],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "aws",
          include: ["tests/aws/**/*.test.ts", "workshops/**/*.aws.test.ts"],
          environment: "node",
          globalSetup: ["tests/aws/global-setup.ts"],
          setupFiles: ["tests/aws/setup.ts"],
          // Two workers, each with its own moto_server (tests/aws/global-setup.ts).
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
