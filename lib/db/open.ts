import type Database from "better-sqlite3";
import { join } from "node:path";
import { registerShutdownHook } from "@/lib/lifecycle";
import { checkpointAndTruncate, dataDir, openDatabase } from "./connection";
import { migrate, type Migration } from "./migrations";

/**
 * The one SQLite database, DATA_DIR/hajime.db (WAL), held once per process. Opened when
 * the server starts (instrumentation.ts): migrations run, and the log a crashed
 * predecessor left is folded in and truncated. At shutdown it is checkpointed and closed.
 * (No "server-only" here, so instrumentation.ts can load it; lib/db/index.ts is the door
 * for app code.) lib/db knows no area: each area hands over its own migrations
 * (lib/rooms/service.ts, lib/aws/ledger-store.ts; instrumentation.ts all of them at start),
 * and they run the first time this process sees them.
 */

type Holder = { db?: Database.Database; path?: string; migratedAreas?: Set<string> };
const KEY = Symbol.for("hajime.db");
const g = globalThis as unknown as Record<symbol, Holder | undefined>;
const holder: Holder = (g[KEY] ??= {});

export function openSharedDatabase(migrations: readonly Migration[]): Database.Database {
  const path = join(dataDir(), "hajime.db");
  if (!holder.db || holder.path !== path) {
    holder.db?.close();
    holder.db = openDatabase(path, migrations);
    holder.path = path;
    holder.migratedAreas = new Set(migrations.map((m) => m.area));
    checkpointAndTruncate(holder.db);
  } else if (migrations.some((m) => !holder.migratedAreas?.has(m.area))) {
    // By area: the start-up migrated every area at once (instrumentation.ts).
    migrate(holder.db, migrations);
    for (const m of migrations) holder.migratedAreas?.add(m.area);
  }
  return holder.db;
}

registerShutdownHook("database", () => {
  if (!holder.db) return;
  checkpointAndTruncate(holder.db);
  holder.db.close();
  holder.db = undefined;
}, { last: true });
