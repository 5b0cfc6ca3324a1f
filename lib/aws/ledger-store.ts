import "server-only";
import type Database from "better-sqlite3";
import type { Session } from "@/lib/credentials/vault";
import { database } from "@/lib/db";
import { accountKey } from "@/lib/db/account-key";
import { storeBackend } from "@/lib/db/backend";
import { postgresDatabase, type PgDatabase } from "@/lib/db/postgres";
import type { CreatedKind, CreatedLedger, CreatedOrigin, CreatedResource } from "./ledger";
import { LEDGER_MIGRATIONS, LEDGER_PG_MIGRATIONS } from "./ledger-schema";

type Row = { region: string; kind: CreatedKind; name: string; origin: CreatedOrigin };

/** The ledger's statements, prepared once per database (step 10's check reads the ledger on every "check all"). */
function statements(db: Database.Database) {
  return {
    remember: db.prepare(
      `INSERT INTO ledger_resources (account_key, region, kind, name, origin, created_at, removed_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (account_key, region, kind, name) DO UPDATE SET
         removed_at = NULL,
         origin = CASE WHEN excluded.origin = 'created' THEN 'created' ELSE ledger_resources.origin END`,
    ),
    forget: db.prepare(
      `UPDATE ledger_resources SET removed_at = ?
       WHERE account_key = ? AND region = ? AND kind = ? AND name = ? AND removed_at IS NULL`,
    ),
    present: db.prepare(
      `SELECT region, kind, name, origin FROM ledger_resources
       WHERE account_key = ? AND removed_at IS NULL ORDER BY created_at, kind, name`,
    ),
    removed: db.prepare(
      `SELECT region, kind, name, origin FROM ledger_resources
       WHERE account_key = ? AND removed_at IS NOT NULL ORDER BY created_at, kind, name`,
    ),
  };
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof statements>>();

/**
 * The ledger in SQLite, so a restart (or a new paste of credentials) still knows what
 * Hajime made in an account. Keyed by the account's keyed hash and the region.
 */
export class SqliteLedger implements CreatedLedger {
  private readonly sql: ReturnType<typeof statements>;

  constructor(
    db: Database.Database,
    private readonly account: string,
  ) {
    let sql = prepared.get(db);
    if (!sql) prepared.set(db, (sql = statements(db)));
    this.sql = sql;
  }

  remember(r: CreatedResource) {
    this.sql.remember.run(this.account, r.region, r.kind, r.name, r.origin ?? "created", Date.now());
  }

  forget(r: CreatedResource) {
    this.sql.forget.run(Date.now(), this.account, r.region, r.kind, r.name);
  }

  list() {
    return this.rows(this.sql.present);
  }

  removed() {
    return this.rows(this.sql.removed);
  }

  private rows(statement: Database.Statement): CreatedResource[] {
    const rows = statement.all(this.account) as Row[];
    return rows.map((r) => ({ kind: r.kind, name: r.name, region: r.region, origin: r.origin }));
  }
}

/** The same ledger in PostgreSQL (DATABASE_URL): every instance sees what any of them made. */
export class PostgresLedger implements CreatedLedger {
  constructor(
    private readonly db: PgDatabase,
    private readonly account: string,
  ) {}

  async remember(r: CreatedResource) {
    await this.db.query(
      `INSERT INTO ledger_resources (account_key, region, kind, name, origin, created_at, removed_at)
       VALUES ($1, $2, $3, $4, $5, $6, NULL)
       ON CONFLICT (account_key, region, kind, name) DO UPDATE SET
         removed_at = NULL,
         origin = CASE WHEN excluded.origin = 'created' THEN 'created' ELSE ledger_resources.origin END`,
      [this.account, r.region, r.kind, r.name, r.origin ?? "created", Date.now()],
    );
  }

  async forget(r: CreatedResource) {
    await this.db.query(
      `UPDATE ledger_resources SET removed_at = $1
       WHERE account_key = $2 AND region = $3 AND kind = $4 AND name = $5 AND removed_at IS NULL`,
      [Date.now(), this.account, r.region, r.kind, r.name],
    );
  }

  list() {
    return this.rows("removed_at IS NULL");
  }

  removed() {
    return this.rows("removed_at IS NOT NULL");
  }

  private async rows(where: string): Promise<CreatedResource[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT region, kind, name, origin FROM ledger_resources WHERE account_key = $1 AND ${where} ORDER BY created_at, kind, name`,
      [this.account],
    );
    return rows.map((r) => ({ kind: r.kind, name: r.name, region: r.region, origin: r.origin }));
  }
}

export function ledgerForAccount(accountId: string): CreatedLedger {
  const backend = storeBackend();
  if (backend.kind === "postgres") return new PostgresLedger(postgresDatabase(backend.url, LEDGER_PG_MIGRATIONS), accountKey(accountId));
  return new SqliteLedger(database(LEDGER_MIGRATIONS), accountKey(accountId));
}

export function ledgerFor(session: Session): CreatedLedger {
  return ledgerForAccount(session.identity.accountId);
}
