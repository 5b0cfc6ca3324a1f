import type { Migration } from "@/lib/db/migrations";
import type { PgMigration } from "@/lib/db/postgres";

/**
 * The ledger's table: one row per resource Hajime made (or re-enabled) in an account and
 * region. The account is its keyed hash (lib/db/account-key.ts), never its id; resources
 * are names (trail name, bucket name, detector id), never ARNs.
 */
export const LEDGER_MIGRATIONS: readonly Migration[] = [
  {
    area: "ledger",
    version: 1,
    up: `CREATE TABLE ledger_resources (
      account_key TEXT NOT NULL,
      region TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('trail', 'bucket', 'detector')),
      name TEXT NOT NULL,
      origin TEXT NOT NULL DEFAULT 'created' CHECK (origin IN ('created', 're-enabled')),
      created_at INTEGER NOT NULL,
      removed_at INTEGER,
      PRIMARY KEY (account_key, region, kind, name)
    ) WITHOUT ROWID`,
  },
  {
    // Kinds come from each workshop's teardown kinds (lib/aws/teardown/kind.ts), which
    // validate their entries; a list of kinds here would be one more to keep by hand.
    // SQLite cannot drop a CHECK: the table is made again without it.
    area: "ledger",
    version: 2,
    up: `CREATE TABLE ledger_resources_v2 (
      account_key TEXT NOT NULL,
      region TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
      name TEXT NOT NULL,
      origin TEXT NOT NULL DEFAULT 'created' CHECK (origin IN ('created', 're-enabled')),
      created_at INTEGER NOT NULL,
      removed_at INTEGER,
      PRIMARY KEY (account_key, region, kind, name)
    ) WITHOUT ROWID;
    INSERT INTO ledger_resources_v2 SELECT account_key, region, kind, name, origin, created_at, removed_at FROM ledger_resources;
    DROP TABLE ledger_resources;
    ALTER TABLE ledger_resources_v2 RENAME TO ledger_resources;`,
  },
];

/** The same table in PostgreSQL (DATABASE_URL), as SQLite has it after its migrations. */
export const LEDGER_PG_MIGRATIONS: readonly PgMigration[] = [
  {
    area: "ledger",
    version: 1,
    up: `CREATE TABLE ledger_resources (
      account_key TEXT NOT NULL,
      region TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
      name TEXT NOT NULL,
      origin TEXT NOT NULL DEFAULT 'created' CHECK (origin IN ('created', 're-enabled')),
      created_at BIGINT NOT NULL,
      removed_at BIGINT,
      PRIMARY KEY (account_key, region, kind, name)
    )`,
  },
];
