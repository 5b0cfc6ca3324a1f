import type { PgMigration } from "@/lib/db/postgres";

/**
 * The rate-limit counters every instance shares (DATABASE_URL; ./rate.ts). The table has the
 * shape rate-limiter-flexible's RateLimiterPostgres creates itself; it is made here instead, so
 * it exists before the first request and a database that is down at construction cannot leave
 * a limiter without its table. One table for every limiter: each has its own key prefix.
 * Keys are keyed hashes (lib/db/account-key.ts), never client addresses or session ids.
 */
export const LIMITS_PG_MIGRATIONS: readonly PgMigration[] = [
  {
    area: "limits",
    version: 1,
    up: `CREATE TABLE rate_limits (
      key VARCHAR(255) PRIMARY KEY,
      points INTEGER NOT NULL DEFAULT 0,
      expire BIGINT
    );
    CREATE INDEX rate_limits_expire ON rate_limits (expire)`,
  },
];
