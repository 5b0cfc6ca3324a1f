import "server-only";
import type { Aws } from "../clients";
import type { CreatedLedger } from "../ledger";
import { ledgerForAccount } from "../ledger-store";
import type { Check, Step } from "../step";
import { discover } from "./discover";
import type { TeardownDetail } from "./types";

/**
 * Step 10's check: done once something Hajime made has been removed and nothing of
 * Hajime's remains. An attendee who never made anything is not "done": there was nothing
 * to clean up, and the board should not say they cleaned up.
 */
export async function checkTeardown(aws: Aws, ledger: CreatedLedger): Promise<Check<TeardownDetail>> {
  const found = await discover(aws, ledger);
  const ledgerRegions = new Set((await ledger.list()).filter((r) => r.kind === "detector").map((r) => r.region));
  const blind = found.unchecked.some((region) => ledgerRegions.has(region));
  const detail: TeardownDetail = {
    remaining: found.remove.map(({ kind, name, region, action }) => ({ kind, name, region, ...(action ? { action } : {}) })),
    cleaned: found.cleaned,
  };
  const state = found.remove.length > 0 ? "todo" : blind ? "unknown" : found.cleaned > 0 ? "done" : "todo";
  return { state, detail };
}

export const teardown: Step<TeardownDetail> = {
  id: "teardown",
  check: (aws) => checkTeardown(aws, ledgerForAccount(aws.accountId)),
};
