import type Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { LEDGER_MIGRATIONS, LEDGER_PG_MIGRATIONS } from "@/lib/aws/ledger-schema";
import { openDatabase } from "@/lib/db/connection";
import { migratePostgres, newPostgresPool, type PgMigration } from "@/lib/db/postgres";
import { ROOMS_MIGRATIONS, ROOMS_PG_MIGRATIONS } from "@/lib/rooms/migrations";
import { freshDatabase } from "./fresh-database";

// Every area's migrations, as instrumentation.ts runs them at start.
const ALL_PG = [...LEDGER_PG_MIGRATIONS, ...ROOMS_PG_MIGRATIONS];
const ALL_SQLITE = [...LEDGER_MIGRATIONS, ...ROOMS_MIGRATIONS];

const pools: pg.Pool[] = [];
function pool(url: string): pg.Pool {
  const p = newPostgresPool(url);
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

async function applied(p: pg.Pool): Promise<string[]> {
  const { rows } = await p.query<{ area: string; version: number }>("SELECT area, version FROM schema_migrations ORDER BY area, version");
  return rows.map((r) => `${r.area}:${r.version}`);
}

const EVERY_VERSION = ["ledger:1", "rooms:1"];

describe("PostgreSQL migrations", () => {
  it("apply to an empty database, and running them again changes nothing", async () => {
    const p = pool(await freshDatabase());
    await migratePostgres(p, ALL_PG);
    expect(await applied(p)).toEqual(EVERY_VERSION);
    const { rows: tables } = await p.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(["attendees", "ledger_resources", "progress", "rooms", "schema_migrations"]);
    await p.query(
      `INSERT INTO rooms (code, title, date, language, workshop, steps, organizer_key_hash, max_attendees, max_per_account, stuck_minutes, created_at)
       VALUES ('ABCDEF', 't', '2026-11-29', 'ja', 'account-security', '[]', 'h', 10, 3, 10, 0)`,
    );
    await migratePostgres(p, ALL_PG);
    await migratePostgres(p, ROOMS_PG_MIGRATIONS);
    expect(await applied(p)).toEqual(EVERY_VERSION);
    expect((await p.query("SELECT code FROM rooms")).rows).toEqual([{ code: "ABCDEF" }]);
  });

  it("apply once when several instances start at once (the advisory lock), whatever areas each brings", async () => {
    const url = await freshDatabase();
    const starting = [ALL_PG, ALL_PG, ROOMS_PG_MIGRATIONS, LEDGER_PG_MIGRATIONS, [...ROOMS_PG_MIGRATIONS, ...LEDGER_PG_MIGRATIONS]];
    await Promise.all(starting.map((list) => migratePostgres(pool(url), list)));
    expect(await applied(pool(url))).toEqual(EVERY_VERSION);
  });

  it("roll a failing migration back, keep the ones before it, release the lock and try it again next time", async () => {
    const url = await freshDatabase();
    const good: PgMigration = { area: "probe", version: 1, up: "CREATE TABLE probe_one (id INTEGER)" };
    const bad: PgMigration = { area: "probe", version: 2, up: "CREATE TABLE probe_two (id INTEGER); SELECT no_such_column FROM probe_one" };
    await expect(migratePostgres(pool(url), [good, bad])).rejects.toThrow(/no_such_column/);
    const p = pool(url);
    expect(await applied(p)).toEqual(["probe:1"]);
    expect((await p.query("SELECT to_regclass('probe_two') AS t")).rows).toEqual([{ t: null }]);
    // Another instance is not kept waiting on the lock, and the fixed migration applies.
    await migratePostgres(p, [good, { ...bad, up: "CREATE TABLE probe_two (id INTEGER)" }]);
    expect(await applied(p)).toEqual(["probe:1", "probe:2"]);
  });

  it("are not cut short by the pool's statement timeout, nor are instances waiting for them", async () => {
    const url = await freshDatabase();
    // The app's pools stop statements after 15 s; a migration rewriting a big table may take longer.
    const short = () => {
      const p = new pg.Pool({ connectionString: url, statement_timeout: 100 });
      pools.push(p);
      return p;
    };
    const slow: PgMigration = { area: "probe", version: 1, up: "SELECT pg_sleep(0.5); CREATE TABLE probe_one (id INTEGER)" };
    const [first, second] = [short(), short()];
    await Promise.all([migratePostgres(first, [slow]), migratePostgres(second, [slow])]);
    expect(await applied(first)).toEqual(["probe:1"]);
    // The pool's own timeout still holds for everything else on that connection.
    await expect(first.query("SELECT pg_sleep(0.5)")).rejects.toThrow(/statement timeout/);
  });

  it("refuse a list not numbered 1..n", async () => {
    const p = pool(await freshDatabase());
    await expect(migratePostgres(p, [{ area: "probe", version: 2, up: "SELECT 1" }])).rejects.toThrow(/numbered 1\.\.n/);
  });
});

type Column = { name: string; notNull: boolean };
type Schema = Record<string, { columns: Column[]; unique: string[] }>;

function sqliteSchema(db: Database.Database): Schema {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
  ).map((t) => t.name);
  const schema: Schema = {};
  for (const table of tables) {
    const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; pk: number }[];
    // A primary key column is never null (SQLite's pragma leaves INTEGER PRIMARY KEY's flag unset).
    const columns = info.map((c) => ({ name: c.name, notNull: c.notnull === 1 || c.pk > 0 }));
    const keys = [info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)];
    for (const index of db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number; origin: string }[]) {
      if (!index.unique || index.origin === "pk") continue;
      keys.push((db.prepare(`PRAGMA index_info(${index.name})`).all() as { name: string }[]).map((c) => c.name));
    }
    schema[table] = { columns: columns.sort((a, b) => a.name.localeCompare(b.name)), unique: keys.map((k) => k.join(",")).sort() };
  }
  return schema;
}

async function postgresSchema(p: pg.Pool): Promise<Schema> {
  const { rows: columns } = await p.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, column_name`,
  );
  // Primary keys and unique constraints or indexes, each as its columns in order.
  const { rows: keys } = await p.query<{ table_name: string; columns: string }>(
    `SELECT t.relname AS table_name, string_agg(a.attname, ',' ORDER BY k.ord) AS columns
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE i.indisunique
     GROUP BY t.relname, i.indexrelid`,
  );
  const schema: Schema = {};
  for (const c of columns) {
    (schema[c.table_name] ??= { columns: [], unique: [] }).columns.push({ name: c.column_name, notNull: c.is_nullable === "NO" });
  }
  for (const k of keys) schema[k.table_name].unique.push(k.columns);
  for (const table of Object.values(schema)) {
    table.columns.sort((a, b) => a.name.localeCompare(b.name));
    table.unique.sort();
  }
  return schema;
}

describe("the two schemas", () => {
  it("hold the same tables, columns (and which may be null) and unique keys after their migrations", async () => {
    const p = pool(await freshDatabase());
    await migratePostgres(p, ALL_PG);
    const lite = sqliteSchema(openDatabase(":memory:", ALL_SQLITE));
    const postgres = await postgresSchema(p);
    // The test sees something: every area's tables are there.
    expect(Object.keys(lite).sort()).toEqual(["attendees", "ledger_resources", "progress", "rooms", "schema_migrations"]);
    expect(postgres).toEqual(lite);
  });
});
