import pg from "pg";
import { registerShutdownHook } from "@/lib/lifecycle";
import { byAreaInOrder } from "./migrations";

/**
 * The PostgreSQL side of the store (DATABASE_URL): one pool per process, shared by every
 * area, with each area's migrations applied the first time the process sees them. Several
 * instances may start at once: migrations run under an advisory lock, each in a transaction.
 * (No "server-only" here, so instrumentation.ts can load it.)
 */

/** A PostgreSQL migration: numbered 1..n per area, like the SQLite ones (./migrations.ts). */
export type PgMigration = { area: string; version: number; up: string };

/** Something that runs a parameterised statement: the area's handle, or a transaction's client. */
export type Queryable = {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
};

/** An area's handle: queries wait for its migrations; `transaction` runs on one connection. */
export type PgDatabase = Queryable & {
  transaction<T>(fn: (client: Queryable) => Promise<T>): Promise<T>;
  /** Resolves once the area's migrations are applied (for code that queries `pool` itself). */
  ready(): Promise<void>;
  pool: pg.Pool;
};

// BIGINT (epoch milliseconds, counts) as numbers: every value Hajime keeps is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Per pool: each area's migration run, by area name. */
type Migrated = Map<string, Promise<void>>;
type Holder = { pool?: pg.Pool; url?: string; migrated: WeakMap<pg.Pool, Migrated> };
const KEY = Symbol.for("hajime.postgres");
const g = globalThis as unknown as Record<symbol, Holder | undefined>;
const holder: Holder = (g[KEY] ??= { migrated: new WeakMap() });

/** Pool size per instance (HAJIME_PG_POOL): a few instances stay well under max_connections. */
function poolSize(): number {
  const n = Number(process.env.HAJIME_PG_POOL);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/** A new pool with Hajime's settings; the app uses the process's one (postgresPool). */
export function newPostgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(),
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // A statement stuck behind a lock must not hold a request forever.
    statement_timeout: 15_000,
  });
  // A client losing its connection (the server restarted, its backend was terminated) emits
  // 'error': idle ones on the pool, checked-out ones on themselves. Without a listener that
  // event kills the process; the query in flight still fails and is answered as such.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

/** The process's pool (one per instance). */
export function postgresPool(url: string): pg.Pool {
  if (!holder.pool || holder.url !== url) {
    void holder.pool?.end().catch(() => undefined);
    holder.pool = newPostgresPool(url);
    holder.url = url;
  }
  return holder.pool;
}

const MIGRATION_LOCK = 0x68616a69; // "haji": one key for every Hajime instance

export async function migratePostgres(pool: pg.Pool, migrations: readonly PgMigration[]): Promise<void> {
  const client = await pool.connect();
  try {
    // A migration may run longer than the pool's statement timeout, and other instances wait
    // for it at the lock: no timeout on this session until it goes back to the pool.
    await client.query("SET statement_timeout = 0");
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      area TEXT NOT NULL, version INTEGER NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (area, version))`);
    const { rows } = await client.query<{ area: string; version: number }>("SELECT area, version FROM schema_migrations");
    const applied = new Set(rows.map((r) => `${r.area}:${r.version}`));
    for (const [area, sorted] of byAreaInOrder(migrations)) {
      for (const m of sorted) {
        if (applied.has(`${area}:${m.version}`)) continue;
        await client.query("BEGIN");
        try {
          await client.query(m.up);
          await client.query("INSERT INTO schema_migrations (area, version, applied_at) VALUES ($1, $2, $3)", [
            area,
            m.version,
            Date.now(),
          ]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    }
  } finally {
    // Back to the pool as it came (unlocked, the pool's timeout), or the session ends, and
    // the lock with it: a pooled connection must never keep every other instance waiting.
    const clean = await client
      .query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK])
      .then(() => client.query("RESET statement_timeout"))
      .then(
        () => true,
        () => false,
      );
    client.release(!clean);
  }
}

/**
 * Resolves once every area in `migrations` is migrated on `pool`: remembered by area, so the
 * start-up's one call (instrumentation.ts, every area) spares each area's first request.
 */
function migrated(pool: pg.Pool, migrations: readonly PgMigration[]): Promise<void> {
  let byArea = holder.migrated.get(pool);
  if (!byArea) holder.migrated.set(pool, (byArea = new Map()));
  const areas = byArea;
  const missing = migrations.filter((m) => !areas.has(m.area));
  if (missing.length > 0) {
    const done = migratePostgres(pool, missing);
    for (const area of new Set(missing.map((m) => m.area))) {
      areas.set(area, done);
      // A failed run (database down at start) is tried again by the next caller.
      done.catch(() => areas.delete(area));
    }
  }
  return Promise.all([...new Set(migrations.map((m) => m.area))].map((area) => areas.get(area))).then(() => undefined);
}

/** The area's handle on the shared pool (`url`: DATABASE_URL, lib/db/backend.ts). */
export function postgresDatabase(url: string, migrations: readonly PgMigration[]): PgDatabase {
  return databaseOnPool(postgresPool(url), migrations);
}

/** The area's handle on a given pool (tests: one pool per simulated instance). */
export function databaseOnPool(pool: pg.Pool, migrations: readonly PgMigration[]): PgDatabase {
  return {
    pool,
    ready: () => migrated(pool, migrations),
    async query<R extends pg.QueryResultRow>(text: string, params?: unknown[]) {
      await migrated(pool, migrations);
      return pool.query<R>(text, params);
    },
    async transaction(fn) {
      await migrated(pool, migrations);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const value = await fn(client);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

registerShutdownHook("postgres", async () => {
  const pool = holder.pool;
  holder.pool = undefined;
  await pool?.end().catch(() => undefined);
}, { last: true });
