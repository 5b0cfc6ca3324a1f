import type { TestProject } from "vitest/node";
import { startPostgres, type Postgres } from "../support/postgres";

// One throwaway PostgreSQL cluster for the whole db project; each test file makes its own
// database in it (./fresh-database.ts).
let postgres: Postgres | undefined;

export async function setup(project: TestProject) {
  postgres = await startPostgres();
  project.provide("postgresUrl", postgres.url);
}

export async function teardown() {
  await postgres?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
