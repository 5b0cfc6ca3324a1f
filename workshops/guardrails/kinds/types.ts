import type { CreatedLedger, CreatedResource } from "@/lib/aws/ledger";

/**
 * What a kind's discover and remove deal in, until the teardown kind interface exists
 * (issue 9, item 4): plain data, names and regions only, as lib/aws/teardown/types.ts.
 */
export type GuardrailsKind = "budget" | "analyzer";

export type KindRef = { kind: GuardrailsKind; name: string; region: string };

export type KindContext = { ledger: CreatedLedger };

export type KindDiscovery = {
  /** Hajime's, present: teardown removes these. */
  remove: KindRef[];
  /** The attendee's own: listed as kept, never touched. */
  keep: (KindRef & { reason: "not-hajime" })[];
  /** Ledger entries whose resource is gone already (removed outside teardown). */
  missing: CreatedResource[];
  /** Regions that could not be listed (denied, for example): nothing there is called gone. */
  unchecked: string[];
};

export type KindRemoval = { status: "removed" | "gone" };

/** The ledger says Hajime made it (not merely re-enabled it). */
export function madeByHajime(entries: readonly CreatedResource[], kind: GuardrailsKind, name: string, region: string): boolean {
  return entries.some((r) => r.kind === kind && r.name === name && r.region === region && (r.origin ?? "created") === "created");
}
