import { describe, expect, it } from "vitest";
import { LEDGER_MIGRATIONS } from "@/lib/aws/ledger-schema";
import { SqliteLedger } from "@/lib/aws/ledger-store";
import { openDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrations";

const db = () => openDatabase(":memory:", LEDGER_MIGRATIONS);

// What a ledger does, on SQLite, PostgreSQL and in memory alike: tests/db/ledger.contract.ts.
describe("the ledger in SQLite", () => {
  it("stores names and keyed hashes only: no account id, no ARN", () => {
    const d = db();
    new SqliteLedger(d, "hashed-key").remember({ kind: "trail", name: "hajime-trail", region: "ap-northeast-1" });
    const cols = (d.prepare("PRAGMA table_info(ledger_resources)").all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(["account_key", "region", "kind", "name", "origin", "created_at", "removed_at"]);
  });
});

describe("the ledger's kinds", () => {
  it("keeps a v1 ledger's rows through migration 2, which takes any kind a workshop brings", () => {
    const d = openDatabase(":memory:", LEDGER_MIGRATIONS.slice(0, 1));
    new SqliteLedger(d, "k").remember({ kind: "detector", name: "d1", region: "us-west-2", origin: "re-enabled" });
    expect(() => new SqliteLedger(d, "k").remember({ kind: "budget", name: "b", region: "global" })).toThrow();
    migrate(d, LEDGER_MIGRATIONS);
    const a = new SqliteLedger(d, "k");
    a.remember({ kind: "budget", name: "hajime-monthly", region: "global" });
    expect([...a.list()].sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { kind: "budget", name: "hajime-monthly", region: "global", origin: "created" },
      { kind: "detector", name: "d1", region: "us-west-2", origin: "re-enabled" },
    ]);
    expect(() => a.remember({ kind: "", name: "x", region: "global" })).toThrow();
  });
});
