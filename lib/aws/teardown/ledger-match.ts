import type { CreatedLedger, CreatedResource } from "../ledger";

export const isCreated = (r: CreatedResource) => (r.origin ?? "created") === "created";

/** Whether the ledger says Hajime made it (origin "created"); `region` undefined: any region. */
export function ledgerHas(ledger: readonly CreatedResource[], kind: string, name: string, region?: string): boolean {
  return ledger.some((r) => r.kind === kind && r.name === name && (region === undefined || r.region === region) && isCreated(r));
}

/** Marks every matching entry removed. */
export async function forgetAll(ledger: CreatedLedger, entries: readonly CreatedResource[], match: (r: CreatedResource) => boolean) {
  for (const r of entries) if (match(r)) await ledger.forget(r);
}

/** Sorts a kind's rows by region, then name. */
export function sorted<T extends { remove: { name: string; region: string }[]; keep: { name: string; region: string }[] }>(part: T): T {
  const order = (a: { name: string; region: string }, b: { name: string; region: string }) =>
    a.region.localeCompare(b.region) || a.name.localeCompare(b.name);
  part.remove.sort(order);
  part.keep.sort(order);
  return part;
}
