import { inject } from "vitest";
import { createDatabaseAt } from "../support/postgres";

/**
 * A new, empty database (random name) in the db project's cluster (./global-setup.ts), as a
 * postgres:// URL. Call it once per test file, so files never see each other's tables.
 */
export function freshDatabase(): Promise<string> {
  return createDatabaseAt(inject("postgresUrl"));
}
