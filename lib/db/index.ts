import "server-only";
import type Database from "better-sqlite3";
import { openSharedDatabase } from "./open";

export { MIGRATIONS } from "./open";

/**
 * The one SQLite database, DATA_DIR/hajime.db (WAL). Each area registers its own
 * migrations (./open.ts), numbered 1..n within the area. Never store credentials, account
 * ids or ARNs: use accountKey() (./account-key.ts) to tell accounts apart.
 */
export function database(): Database.Database {
  return openSharedDatabase();
}
