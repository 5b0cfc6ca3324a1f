import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryLedger } from "@/lib/aws/ledger";
import { LEDGER_MIGRATIONS, LEDGER_PG_MIGRATIONS } from "@/lib/aws/ledger-schema";
import { PostgresLedger, SqliteLedger } from "@/lib/aws/ledger-store";
import { openDatabase } from "@/lib/db/connection";
import { databaseOnPool, newPostgresPool } from "@/lib/db/postgres";
import { freshDatabase } from "./fresh-database";
import { ledgerContract } from "./ledger.contract";

ledgerContract("memory", async () => {
  const ledgers = new Map<string, MemoryLedger>();
  return {
    ledger: (key) => ledgers.get(key) ?? ledgers.set(key, new MemoryLedger()).get(key)!,
    checksKinds: false,
    close: async () => undefined,
  };
});

// SQLite: a file in a temp DATA_DIR, opened twice (two connections, as two processes would).
ledgerContract("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hajime-ledger-"));
  const path = join(dir, "hajime.db");
  const [one, two] = [openDatabase(path, LEDGER_MIGRATIONS), openDatabase(path, LEDGER_MIGRATIONS)];
  return {
    ledger: (key) => new SqliteLedger(one, key),
    other: (key) => new SqliteLedger(two, key),
    checksKinds: true,
    close: async () => {
      one.close();
      two.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// PostgreSQL: one database for this file, emptied before each test; a pool per instance.
let database: Promise<string> | undefined;

ledgerContract("PostgreSQL", async () => {
  const url = await (database ??= freshDatabase());
  const pools = [newPostgresPool(url), newPostgresPool(url)];
  const [one, two] = pools.map((pool) => databaseOnPool(pool, LEDGER_PG_MIGRATIONS));
  await one.query("TRUNCATE ledger_resources");
  return {
    ledger: (key) => new PostgresLedger(one, key),
    other: (key) => new PostgresLedger(two, key),
    checksKinds: true,
    close: async () => {
      await Promise.all(pools.map((p) => p.end()));
    },
  };
});
