import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import type { Aws } from "@/lib/aws/clients";
import { MemoryLedger } from "@/lib/aws/ledger";
import { discover } from "@/lib/aws/teardown/discover";
import { FIRST_WORKSHOP_KINDS } from "@/workshops/account-security/kinds";
import type { ResourceKindModule } from "@/lib/aws/teardown/kind";
import { orderKinds } from "@/lib/aws/teardown/order";
import { removeResource } from "@/lib/aws/teardown/remove";
import { ledgerEntrySchema, refSchema } from "@/lib/aws/teardown/schemas";

// The engine over kinds it is given, with stand-in kinds that call no AWS (the first
// workshop's kinds against moto: tests/aws/teardown.test.ts).
const aws = { accountId: "123456789012", region: "ap-northeast-1" } as Aws;

function fakeKind(kind: string, extra: Partial<ResourceKindModule> = {}): ResourceKindModule {
  return {
    kind,
    scope: "regional",
    identity: "name-and-region",
    name: z.string().min(1),
    ledger: { origins: ["created"] },
    discover: async () => ({ remove: [{ kind, name: `${kind}-1`, region: "ap-northeast-1" }], keep: [] }),
    remove: async () => ({ ok: true, data: { status: "removed" } }),
    ...extra,
  };
}

describe("teardown kinds", () => {
  it("orders kinds by `after`, else as given, and refuses a cycle", () => {
    const names = (ks: readonly ResourceKindModule[]) => orderKinds(ks).map((k) => k.kind);
    expect(names([fakeKind("bucket", { after: ["trail"] }), fakeKind("trail"), fakeKind("detector")])).toEqual(["trail", "bucket", "detector"]);
    expect(names([fakeKind("a", { after: ["not-given"] }), fakeKind("b")])).toEqual(["a", "b"]);
    expect(() => orderKinds([fakeKind("a", { after: ["b"] }), fakeKind("b", { after: ["a"] })])).toThrow(/cycle/);
  });

  it("the first workshop's list is in removal order: a trail before its bucket", () => {
    expect(orderKinds(FIRST_WORKSHOP_KINDS).map((k) => k.kind)).toEqual(FIRST_WORKSHOP_KINDS.map((k) => k.kind));
    expect(FIRST_WORKSHOP_KINDS.map((k) => k.kind)).toEqual(["trail", "bucket", "detector", "mfa-device"]);
  });

  it("every kind of the first workshop has its name in ja and en", () => {
    for (const lang of ["ja", "en"]) {
      const resources = JSON.parse(readFileSync(join(__dirname, "..", "..", "messages", lang, "logging.json"), "utf8")).resources;
      for (const k of FIRST_WORKSHOP_KINDS) expect(resources[k.kind], `${lang}: resources.${k.kind}`).toEqual(expect.any(String));
    }
  });

  it("a kind that cannot be listed is reported unchecked; the other kinds are still planned", async () => {
    const ledger = new MemoryLedger();
    ledger.remember({ kind: "broken", name: "broken-1", region: "us-west-2" });
    const denied = Object.assign(new Error("not authorized"), { name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } });
    const failing = fakeKind("broken", { discover: async () => Promise.reject(denied) });
    const found = await discover(aws, ledger, [failing, fakeKind("analyzer")], { scope: "full" });
    expect(found.remove).toEqual([{ kind: "analyzer", name: "analyzer-1", region: "ap-northeast-1" }]);
    expect(found.unchecked).toEqual(["ap-northeast-1", "us-west-2"]);
    // Its ledger entry is not taken for removed: whether it is gone is unknown.
    expect(found.missing).toEqual([]);
    expect(found.blind).toBe(true);
    // Any other failure (AWS not answering, dead credentials) is the plan's, as before.
    const slow = fakeKind("slow", { discover: async () => Promise.reject(Object.assign(new Error("expired"), { name: "ExpiredToken" })) });
    await expect(discover(aws, ledger, [slow, fakeKind("analyzer")], { scope: "full" })).rejects.toMatchObject({ name: "ExpiredToken" });
  });

  it("takes refs the page may send only of the given kinds, with valid names and regions", () => {
    const ref = refSchema(FIRST_WORKSHOP_KINDS);
    expect(ref.safeParse({ kind: "trail", name: "hajime-trail", region: "ap-northeast-1" }).success).toBe(true);
    expect(ref.safeParse({ kind: "mfa-device", name: "taro", region: "global" }).success).toBe(true);
    expect(ref.safeParse({ kind: "mfa-device", name: "taro", region: "ap-northeast-1" }).success).toBe(false);
    expect(ref.safeParse({ kind: "bucket", name: "a/b", region: "ap-northeast-1" }).success).toBe(false);
    expect(ref.safeParse({ kind: "bucket", name: "b", region: "mars-1" }).success).toBe(false);
    expect(ref.safeParse({ kind: "budget", name: "b", region: "global" }).success).toBe(false);
  });

  it("ledger entries: only kinds the ledger records, with an origin their kind allows", () => {
    const entry = ledgerEntrySchema(FIRST_WORKSHOP_KINDS);
    expect(entry.safeParse({ kind: "detector", name: "d1", region: "us-west-2", origin: "re-enabled" }).success).toBe(true);
    expect(entry.safeParse({ kind: "trail", name: "t", region: "us-west-2", origin: "re-enabled" }).success).toBe(false);
    expect(entry.safeParse({ kind: "mfa-device", name: "taro", region: "global" }).success).toBe(false);
  });

  it("lists a kind kept on purpose as kept, with its reason, and never removes it", async () => {
    const bpa = fakeKind("public-access-block", { scope: "global", ledger: undefined, keptOnPurpose: { reason: "guardrails.teardown.bpaKept" } });
    const kinds = [fakeKind("budget"), bpa];
    const plan = await discover(aws, new MemoryLedger(), kinds, { scope: "known" });
    expect(plan.remove).toEqual([{ kind: "budget", name: "budget-1", region: "ap-northeast-1" }]);
    expect(plan.keep).toEqual([
      { kind: "public-access-block", name: "public-access-block-1", region: "ap-northeast-1", reason: "on-purpose", note: "guardrails.teardown.bpaKept" },
    ]);
    expect(await removeResource(aws, new MemoryLedger(), kinds, { kind: "public-access-block", name: "x", region: "global" })).toEqual({
      ok: false,
      code: "not-hajime",
    });
  });

  it("reads only the ledger entries of the kinds given: another workshop's are not counted", async () => {
    const ledger = new MemoryLedger();
    ledger.remember({ kind: "budget", name: "gone-budget", region: "global" });
    ledger.remember({ kind: "analyzer", name: "theirs", region: "ap-northeast-1" });
    const found = await discover(aws, ledger, [fakeKind("budget", { discover: async () => ({ remove: [], keep: [] }) })], { scope: "known" });
    expect(found.missing).toEqual([{ kind: "budget", name: "gone-budget", region: "global", origin: "created" }]);
    expect(found.cleaned).toBe(1);
  });
});
