import "server-only";
import type Database from "better-sqlite3";
import type { Migration } from "./migrations";
import { openSharedDatabase } from "./open";

/**
 * The one SQLite database, DATA_DIR/hajime.db (WAL), with the calling area's migrations
 * applied (numbered 1..n within the area; the same list object each time: ./open.ts). Never store credentials, account
 * ids or ARNs: use accountKey() (./account-key.ts) to tell accounts apart.
 */
export function database(migrations: readonly Migration[]): Database.Database {
  return openSharedDatabase(migrations);
}
