import "server-only";
import type { Aws } from "../clients";
import { toFailure } from "../errors";
import type { CreatedLedger, CreatedResource } from "../ledger";
import type { KindDiscovery, ResourceKindModule } from "./kind";
import { isCreated, ledgerHas } from "./ledger-match";
import { orderKinds } from "./order";
import { ledgerEntrySchema } from "./schemas";
import type { PlannedRemoval, TeardownPlan } from "./types";

/**
 * What of Hajime's is in the account, over the kinds given: the union of the ledger's
 * entries (verified to still exist) and resources carrying Hajime's tag, found by listing.
 * Everything else is kept.
 */
export type Discovery = TeardownPlan & {
  /** Ledger entries whose resource no longer exists (removed outside teardown). */
  missing: CreatedResource[];
  /** The ledger's entries believed present, as read for this discovery. */
  known: CreatedResource[];
  /** Some ledger entry is in a Region its kind could not list: whether it is gone is unknown. */
  blind: boolean;
};

export type DiscoverOptions = {
  /**
   * "full" (the default; the teardown page): the ledger, plus Hajime's tag looked for on
   * every bucket and in every Region an attendee can choose; whatever tagged thing it finds
   * that the ledger did not know, the ledger learns. "known" (step 10 in "check all"): the
   * ledger's entries, each where it was made, plus what the current Region's reads show
   * (those steps 7 and 8 make anyway, shared): nothing else can have changed unless the
   * attendee acted elsewhere by hand, and the teardown page looks everywhere again.
   */
  scope?: "full" | "known";
  /** Each row's facts for the review (kind.facts: a bucket's objects, a trail's logging). */
  facts?: boolean;
};

/** Whether a ledger entry and a found resource are the same resource, by the kind's identity. */
function matches(kind: ResourceKindModule | undefined, entry: CreatedResource, found: { kind: string; name: string; region: string }) {
  return entry.kind === found.kind && entry.name === found.name && (kind?.identity === "name" || entry.region === found.region);
}

export async function discover(
  aws: Aws,
  ledger: CreatedLedger,
  kinds: readonly ResourceKindModule[],
  options: DiscoverOptions = {},
): Promise<Discovery> {
  const scope = options.scope ?? "full";
  const ordered = orderKinds(kinds);
  // Entries of other workshops' kinds, or not valid for their kind, are not this teardown's.
  const entry = ledgerEntrySchema(ordered);
  const ours = (entries: CreatedResource[]) => entries.filter((r) => entry.safeParse(r).success);
  const [listed, gone] = await Promise.all([ledger.list(), ledger.removed()]);
  const active = ours(listed);
  const removed = ours(gone);
  const parts = await Promise.all(
    ordered.map(async (kind): Promise<KindDiscovery> => {
      const entries = active.filter((r) => r.kind === kind.kind);
      let found: KindDiscovery;
      try {
        found = await kind.discover({ aws, entries, scope });
      } catch (error) {
        // One kind the credentials may not list (an SCP, a narrower role) does not stop the
        // others' clean-up: its Regions are unchecked, so nothing of it is taken for gone or
        // removed. Anything else (expired credentials, AWS not answering in time) is the whole
        // plan's failure, as before.
        if (toFailure(error).code !== "access-denied") throw error;
        return { remove: [], keep: [], unchecked: kind.scope === "global" ? ["global"] : [...new Set([aws.region, ...entries.map((r) => r.region)])] };
      }
      if (!kind.keptOnPurpose) return found;
      const note = kind.keptOnPurpose.reason;
      const keep = [...found.remove, ...found.keep].map(({ kind, name, region }) => ({ kind, name, region, reason: "on-purpose" as const, note }));
      return { remove: [], keep, unchecked: found.unchecked };
    }),
  );
  const remove = parts.flatMap((p) => p.remove);
  if (options.facts) await withFacts(aws, ordered, remove);
  const keep = parts.flatMap((p) => p.keep);
  const uncheckedFor = (kindName: string) => parts[ordered.findIndex((k) => k.kind === kindName)]?.unchecked ?? [];
  const kindOf = (name: string) => ordered.find((k) => k.kind === name);
  const present = (r: CreatedResource) => [...remove, ...keep].some((p) => matches(kindOf(r.kind), r, p));
  const unchecked = (r: CreatedResource) => uncheckedFor(r.kind).includes(r.region);
  const missing = active.filter((r) => !present(r) && !unchecked(r));
  if (scope === "full") await learn(ledger, ordered, active, remove);
  return {
    remove,
    keep,
    unchecked: [...new Set(parts.flatMap((p) => p.unchecked ?? []))].sort(),
    cleaned: removed.length + missing.filter(isCreated).length,
    missing,
    known: active,
    blind: active.some(unchecked),
  };
}

async function withFacts(aws: Aws, kinds: readonly ResourceKindModule[], rows: PlannedRemoval[]): Promise<void> {
  await Promise.all(
    rows.map(async (row) => {
      const facts = kinds.find((k) => k.kind === row.kind)?.facts;
      if (facts) Object.assign(row, await facts(aws, row));
    }),
  );
}

/**
 * Tagged resources the ledger did not know (made by a Hajime server that has since lost its
 * database, say) are recorded, so that step 10's check in "check all", which trusts the
 * ledger beyond the current Region, sees them from now on. Only kinds the ledger records;
 * never a resource Hajime only changed (a row with an action).
 */
async function learn(
  ledger: CreatedLedger,
  kinds: readonly ResourceKindModule[],
  known: readonly CreatedResource[],
  found: readonly PlannedRemoval[],
): Promise<void> {
  for (const r of found) {
    const kind = kinds.find((k) => k.kind === r.kind);
    if (!kind?.ledger || r.action) continue;
    const region = kind.identity === "name" ? undefined : r.region;
    if (!ledgerHas(known, r.kind, r.name, region)) await ledger.remember({ kind: r.kind, name: r.name, region: r.region });
  }
}

/** The teardown page's plan: everything found, with the facts the review shows. */
export async function teardownPlan(aws: Aws, ledger: CreatedLedger, kinds: readonly ResourceKindModule[]): Promise<TeardownPlan> {
  const { missing: _, known: __, blind: ___, ...plan } = await discover(aws, ledger, kinds, { scope: "full", facts: true });
  return plan;
}
