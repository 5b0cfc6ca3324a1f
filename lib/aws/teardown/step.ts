import "server-only";
import type { Aws } from "../clients";
import type { CreatedLedger } from "../ledger";
import { ledgerForAccount } from "../ledger-store";
import type { Check, Step } from "../step";
import { discover, type DiscoverOptions } from "./discover";
import type { ResourceKindModule } from "./kind";
import type { TeardownDetail } from "./types";
import type { StepId } from "@/workshops";

/**
 * The teardown step's check: done once something Hajime made has been removed and nothing of
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
  kinds: readonly ResourceKindModule[],
  options: Pick<DiscoverOptions, "scope"> = {},
): Promise<Check<TeardownDetail>> {
  const found = await discover(aws, ledger, kinds, { scope: options.scope ?? "full" });
  const detail: TeardownDetail = {
    remaining: found.remove.map(({ kind, name, region, action }) => ({ kind, name, region, ...(action ? { action } : {}) })),
    cleaned: found.cleaned,
  };
  const state = found.remove.length > 0 ? "todo" : found.blind ? "unknown" : found.cleaned > 0 ? "done" : "todo";
  return { state, detail };
}

/**
 * A workshop's teardown step over its kinds. "known" (the default): the step on the
 * checklist ("check all", the card's own re-check), what the ledger and the current Region
 * say; it runs with every "check all", so it does not list 13 Regions. "full": the step at
 * the end of the teardown page, looked for everywhere, as the page's plan was.
 */
export function teardownStep(id: StepId, kinds: readonly ResourceKindModule[], scope: "known" | "full" = "known"): Step<TeardownDetail> {
  return { id, check: (aws) => checkTeardown(aws, ledgerForAccount(aws.accountId), kinds, { scope }) };
}
