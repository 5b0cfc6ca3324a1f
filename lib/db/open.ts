import type Database from "better-sqlite3";
import { join } from "node:path";
import { LEDGER_MIGRATIONS } from "@/lib/aws/ledger-schema";
import { registerShutdownHook } from "@/lib/lifecycle";
import { ROOMS_MIGRATIONS } from "@/lib/rooms/migrations";
import { checkpointAndTruncate, dataDir, openDatabase } from "./connection";
import type { Migration } from "./migrations";

/**
 * The one SQLite database, DATA_DIR/hajime.db (WAL), held once per process. Opened when
 * the server starts (instrumentation.ts): migrations run, and the log a crashed
 * predecessor left is folded in and truncated. At shutdown it is checkpointed and closed.
 * (No "server-only" here, so instrumentation.ts can load it; lib/db/index.ts is the door
 * for app code.)
 */
export const MIGRATIONS: readonly Migration[] = [...LEDGER_MIGRATIONS, ...ROOMS_MIGRATIONS];

type Holder = { db?: Database.Database; path?: string };
const KEY = Symbol.for("hajime.db");
const g = globalThis as unknown as Record<symbol, Holder | undefined>;
const holder: Holder = (g[KEY] ??= {});

export function openSharedDatabase(): Database.Database {
  const path = join(dataDir(), "hajime.db");
  if (!holder.db || holder.path !== path) {
    holder.db?.close();
    holder.db = openDatabase(path, MIGRATIONS);
    holder.path = path;
    checkpointAndTruncate(holder.db);
  }
  return holder.db;
}

registerShutdownHook("database", () => {
  if (!holder.db) return;
  checkpointAndTruncate(holder.db);
  holder.db.close();
  holder.db = undefined;
});
