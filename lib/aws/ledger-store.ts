import "server-only";
import type { Session } from "@/lib/credentials/vault";
import { MemoryLedger, type CreatedLedger } from "./ledger";

// TODO(rooms): back this with SQLite keyed by the account's keyed hash so it survives restarts.
const KEY = Symbol.for("hajime.ledgers");
const g = globalThis as unknown as Record<symbol, Map<string, CreatedLedger> | undefined>;
const ledgers: Map<string, CreatedLedger> = (g[KEY] ??= new Map());

export function ledgerFor(session: Session): CreatedLedger {
  const key = session.identity.accountId;
  let ledger = ledgers.get(key);
  if (!ledger) ledgers.set(key, (ledger = new MemoryLedger()));
  return ledger;
}
