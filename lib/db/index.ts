import "server-only";
import type Database from "better-sqlite3";
import { join } from "node:path";
import { registerShutdownHook } from "@/lib/lifecycle";
import { checkpointAndTruncate, dataDir, openDatabase } from "./connection";
import type { Migration } from "./migrations";
import { LEDGER_MIGRATIONS } from "@/lib/aws/ledger-schema";
import { ROOMS_MIGRATIONS } from "@/lib/rooms/migrations";

/**
 * The one SQLite database, DATA_DIR/hajime.db (WAL). Each area registers its own
 * migrations below, numbered 1..n within the area. Never store credentials, account ids
 * or ARNs: use accountKey() (./account-key.ts) to tell accounts apart.
 */
export const MIGRATIONS: readonly Migration[] = [...LEDGER_MIGRATIONS, ...ROOMS_MIGRATIONS];

type Holder = { db?: Database.Database; path?: string };
const KEY = Symbol.for("hajime.db");
const g = globalThis as unknown as Record<symbol, Holder | undefined>;
const holder: Holder = (g[KEY] ??= {});

export function database(): Database.Database {
  const path = join(dataDir(), "hajime.db");
  if (!holder.db || holder.path !== path) {
    holder.db?.close();
    holder.db = openDatabase(path, MIGRATIONS);
    holder.path = path;
  }
  return holder.db;
}

registerShutdownHook("database", () => {
  if (!holder.db) return;
  checkpointAndTruncate(holder.db);
  holder.db.close();
  holder.db = undefined;
});
