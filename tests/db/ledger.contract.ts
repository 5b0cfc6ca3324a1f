import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CreatedLedger, CreatedResource } from "@/lib/aws/ledger";

/**
 * What every teardown ledger (lib/aws/ledger.ts) must do, whichever database holds it: run by
 * ./ledger.test.ts against SQLite, PostgreSQL and the in-memory one. `other` opens the same
 * database as a second instance would (own connection or pool).
 */
export type LedgerHarness = {
  ledger(accountKey: string): CreatedLedger;
  /** The same account's ledger from another instance; undefined where there is none (memory). */
  other?(accountKey: string): CreatedLedger;
  /** A database's CHECK stands behind the kinds' own validation; memory has none. */
  checksKinds: boolean;
  close(): Promise<void>;
};

const byName = (a: CreatedResource, b: CreatedResource) =>
  `${a.kind}/${a.region}/${a.name}`.localeCompare(`${b.kind}/${b.region}/${b.name}`);

/** Present or removed resources, in a fixed order (the interface promises none). */
async function sorted(list: Promise<CreatedResource[]> | CreatedResource[]): Promise<CreatedResource[]> {
  return [...(await list)].sort(byName);
}

export function ledgerContract(name: string, make: () => Promise<LedgerHarness>): void {
  describe(`ledger contract: ${name}`, () => {
    let h: LedgerHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.close();
    });

    const bucket = { kind: "bucket", name: "hajime-x", region: "ap-northeast-1" };
    const detector = { kind: "detector", name: "d1", region: "us-west-2" };

    it("remembers per account, marks removals, and remembers again", async () => {
      const a = h.ledger("key-a");
      const b = h.ledger("key-b");
      await a.remember(bucket);
      await a.remember(bucket);
      await a.remember({ ...detector, origin: "re-enabled" });
      expect(await sorted(a.list())).toEqual([
        { ...bucket, origin: "created" },
        { ...detector, origin: "re-enabled" },
      ]);
      expect(await a.removed()).toEqual([]);
      expect(await b.list()).toEqual([]);

      await a.forget(bucket);
      expect(await a.list()).toEqual([{ ...detector, origin: "re-enabled" }]);
      expect(await a.removed()).toEqual([{ ...bucket, origin: "created" }]);
      // Forgetting again, or forgetting what was never remembered, changes nothing.
      await a.forget(bucket);
      await a.forget({ kind: "trail", name: "never", region: "ap-northeast-1" });
      expect(await a.removed()).toEqual([{ ...bucket, origin: "created" }]);

      await a.remember(bucket);
      expect(await a.removed()).toEqual([]);
      expect(await sorted(a.list())).toEqual([
        { ...bucket, origin: "created" },
        { ...detector, origin: "re-enabled" },
      ]);
    });

    it("keeps 'created' over 're-enabled', whichever comes first, and through a removal", async () => {
      const a = h.ledger("k");
      await a.remember({ ...detector, region: "ap-northeast-1" });
      await a.remember({ ...detector, region: "ap-northeast-1", origin: "re-enabled" });
      expect(await a.list()).toEqual([{ ...detector, region: "ap-northeast-1", origin: "created" }]);

      await a.remember({ ...detector, origin: "re-enabled" });
      await a.remember({ ...detector, origin: "created" });
      expect((await a.list()).find((r) => r.region === "us-west-2")?.origin).toBe("created");

      await a.forget(detector);
      await a.remember({ ...detector, origin: "re-enabled" });
      expect((await a.list()).find((r) => r.region === "us-west-2")?.origin).toBe("created");
    });

    it("keeps two accounts apart, and one name in two regions or of two kinds apart", async () => {
      const a = h.ledger("key-a");
      const b = h.ledger("key-b");
      await a.remember(bucket);
      await b.remember(bucket);
      await a.remember({ ...bucket, region: "us-east-1" });
      await a.remember({ ...bucket, kind: "trail" });
      await b.forget(bucket);
      expect(await sorted(a.list())).toEqual(
        [bucket, { ...bucket, region: "us-east-1" }, { ...bucket, kind: "trail" }].map((r) => ({ ...r, origin: "created" as const })).sort(byName),
      );
      expect(await a.removed()).toEqual([]);
      expect(await b.list()).toEqual([]);
      expect(await b.removed()).toEqual([{ ...bucket, origin: "created" }]);
    });

    it("takes any kind a workshop brings, up to 64 characters, never an empty one", async () => {
      const a = h.ledger("k");
      await a.remember({ kind: "budget", name: "hajime-monthly", region: "global" });
      await a.remember({ kind: "k".repeat(64), name: "x", region: "global" });
      expect((await a.list()).map((r) => r.kind).sort()).toEqual(["budget", "k".repeat(64)]);
      if (!h.checksKinds) return;
      await expect(async () => a.remember({ kind: "", name: "x", region: "global" })).rejects.toThrow();
      await expect(async () => a.remember({ kind: "k".repeat(65), name: "x", region: "global" })).rejects.toThrow();
    });

    it("keeps names as AWS gives them: case, dots, slashes, any length", async () => {
      const a = h.ledger("k");
      const names = ["Hajime-Trail", "hajime-trail", "hajime.bucket.example", "a/b", "x".repeat(255)];
      for (const n of names) await a.remember({ kind: "trail", name: n, region: "ap-northeast-1" });
      expect((await a.list()).map((r) => r.name).sort()).toEqual([...names].sort());
    });

    it("shows one instance's records to another, and takes remembers racing from both", async () => {
      if (!h.other) return;
      const a = h.ledger("shared");
      const a2 = h.other("shared");
      await a.remember(bucket);
      expect(await a2.list()).toEqual([{ ...bucket, origin: "created" }]);
      await a2.forget(bucket);
      expect(await a.removed()).toEqual([{ ...bucket, origin: "created" }]);

      const many = Array.from({ length: 10 }, (_, i) => ({ kind: "trail", name: `t${i}`, region: "ap-northeast-1" }));
      await Promise.all(
        many.flatMap((r, i) => [
          (i % 2 ? a : a2).remember({ ...r, origin: "re-enabled" }),
          (i % 2 ? a2 : a).remember(r),
          (i % 2 ? a : a2).remember({ ...r, origin: "re-enabled" }),
        ]),
      );
      expect((await a2.list()).filter((r) => r.kind === "trail").sort(byName)).toEqual(
        many.map((r) => ({ ...r, origin: "created" as const })).sort(byName),
      );
    });
  });
}
