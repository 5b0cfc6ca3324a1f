import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db/connection";
import { databaseOnPool, newPostgresPool } from "@/lib/db/postgres";
import { ROOMS_MIGRATIONS, ROOMS_PG_MIGRATIONS } from "@/lib/rooms/migrations";
import { PostgresRoomStore } from "@/lib/rooms/store-postgres";
import { SqliteRoomStore } from "@/lib/rooms/store-sqlite";
import { freshDatabase } from "./fresh-database";
import { roomStoreContract } from "./rooms-store.contract";

// SQLite: a file in a temp DATA_DIR, opened twice (two connections, as two processes would).
roomStoreContract("SQLite", async (now) => {
  const dir = mkdtempSync(join(tmpdir(), "hajime-store-"));
  const path = join(dir, "hajime.db");
  const [one, two] = [openDatabase(path, ROOMS_MIGRATIONS), openDatabase(path, ROOMS_MIGRATIONS)];
  return {
    store: new SqliteRoomStore(one, now),
    other: new SqliteRoomStore(two, now),
    rows: async (table) => one.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[],
    close: async () => {
      one.close();
      two.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// PostgreSQL: one database for this file, emptied before each test; a pool per instance.
let database: Promise<string> | undefined;

roomStoreContract("PostgreSQL", async (now) => {
  const url = await (database ??= freshDatabase());
  const pools = [newPostgresPool(url), newPostgresPool(url)];
  const [one, two] = pools.map((pool) => databaseOnPool(pool, ROOMS_PG_MIGRATIONS));
  await one.query("TRUNCATE rooms, attendees, progress");
  return {
    store: new PostgresRoomStore(one, now),
    other: new PostgresRoomStore(two, now),
    rows: async (table) => (await one.query(`SELECT * FROM ${table}`)).rows,
    close: async () => {
      await Promise.all(pools.map((p) => p.end()));
    },
  };
});
