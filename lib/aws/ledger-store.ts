import "server-only";
import type Database from "better-sqlite3";
import type { Session } from "@/lib/credentials/vault";
import { database } from "@/lib/db";
import { accountKey } from "@/lib/db/account-key";
import type { CreatedKind, CreatedLedger, CreatedOrigin, CreatedResource } from "./ledger";

/**
 * The ledger in SQLite, so a restart (or a new paste of credentials) still knows what
 * Hajime made in an account. Keyed by the account's keyed hash and the region.
 */
export class SqliteLedger implements CreatedLedger {
  constructor(
    private readonly db: Database.Database,
    private readonly account: string,
  ) {}

  remember(r: CreatedResource) {
    this.db
      .prepare(
        `INSERT INTO ledger_resources (account_key, region, kind, name, origin, created_at, removed_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (account_key, region, kind, name) DO UPDATE SET
           removed_at = NULL,
           origin = CASE WHEN excluded.origin = 'created' THEN 'created' ELSE ledger_resources.origin END`,
      )
      .run(this.account, r.region, r.kind, r.name, r.origin ?? "created", Date.now());
  }

  forget(r: CreatedResource) {
    this.db
      .prepare(
        `UPDATE ledger_resources SET removed_at = ?
         WHERE account_key = ? AND region = ? AND kind = ? AND name = ? AND removed_at IS NULL`,
      )
      .run(Date.now(), this.account, r.region, r.kind, r.name);
  }

  list() {
    return this.rows("removed_at IS NULL");
  }

  removed() {
    return this.rows("removed_at IS NOT NULL");
  }

  private rows(where: string): CreatedResource[] {
    const rows = this.db
      .prepare(
        `SELECT region, kind, name, origin FROM ledger_resources
         WHERE account_key = ? AND ${where} ORDER BY created_at, kind, name`,
      )
      .all(this.account) as { region: string; kind: CreatedKind; name: string; origin: CreatedOrigin }[];
    return rows.map((r) => ({ kind: r.kind, name: r.name, region: r.region, origin: r.origin }));
  }
}

export function ledgerForAccount(accountId: string): CreatedLedger {
  return new SqliteLedger(database(), accountKey(accountId));
}

export function ledgerFor(session: Session): CreatedLedger {
  return ledgerForAccount(session.identity.accountId);
}
