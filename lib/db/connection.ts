import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { migrate, type Migration } from "./migrations";

export function dataDir(): string {
  // The data folder is chosen at run time; keep the build from tracing the whole project.
  return resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "./data");
}

/** Opens (creating if needed) a SQLite file in WAL mode and applies the migrations. */
export function openDatabase(path: string, migrations: readonly Migration[]): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  if (path !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // Deleted rows (closed rooms' nicknames) are overwritten, not left in free pages.
  db.pragma("secure_delete = ON");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db, migrations);
  return db;
}

/**
 * Copies the write-ahead log into the database and truncates it to nothing: after a delete,
 * the deleted bytes are then in neither file (secure_delete zeroed them in the database).
 */
export function checkpointAndTruncate(db: Database.Database): void {
  if (db.memory) return;
  db.pragma("wal_checkpoint(TRUNCATE)");
}
