import "server-only";
import type { Aws } from "../clients";
import type { CreatedLedger } from "../ledger";
import { ledgerForAccount } from "../ledger-store";
import type { Check, Step } from "../step";
import { discover, type DiscoverOptions } from "./discover";
import type { TeardownDetail } from "./types";

/**
 * Step 10's check: done once something Hajime made has been removed and nothing of
 * Hajime's remains. An attendee who never made anything is not "done": there was nothing
 * to clean up, and the board should not say they cleaned up.
 *
 * `scope` (discover.ts): "full" looks in every Region and at every bucket's tags (about 20
 * AWS calls); "known" trusts the ledger for what Hajime made elsewhere and reads only the
 * current Region besides, mostly reads steps 7 and 8 make anyway.
 */
export async function checkTeardown(
  aws: Aws,
  ledger: CreatedLedger,
  options: Pick<DiscoverOptions, "scope"> = {},
): Promise<Check<TeardownDetail>> {
  const found = await discover(aws, ledger, { scope: options.scope ?? "full" });
  const ledgerRegions = new Set(found.known.filter((r) => r.kind === "detector").map((r) => r.region));
  const blind = found.unchecked.some((region) => ledgerRegions.has(region));
  const detail: TeardownDetail = {
    remaining: found.remove.map(({ kind, name, region, action }) => ({ kind, name, region, ...(action ? { action } : {}) })),
    cleaned: found.cleaned,
  };
  const state = found.remove.length > 0 ? "todo" : blind ? "unknown" : found.cleaned > 0 ? "done" : "todo";
  return { state, detail };
}

/**
 * Step 10 on the checklist ("check all", and the card's own re-check): what the ledger and
 * the current Region say. It runs with every "check all", so it does not list 13 Regions.
 */
export const teardown: Step<TeardownDetail> = {
  id: "teardown",
  check: (aws) => checkTeardown(aws, ledgerForAccount(aws.accountId), { scope: "known" }),
};

/** Step 10 at the end of the teardown page: looked for everywhere, as the page's plan was. */
export const teardownEverywhere: Step<TeardownDetail> = {
  id: "teardown",
  check: (aws) => checkTeardown(aws, ledgerForAccount(aws.accountId), { scope: "full" }),
};
