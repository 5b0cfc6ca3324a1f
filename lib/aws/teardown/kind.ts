import type { z } from "zod";
import type { Result } from "@/lib/result";
import type { Aws } from "../clients";
import type { CreatedLedger, CreatedOrigin, CreatedResource } from "../ledger";
import type { KeptResource, PlannedRemoval, RemovalProgress, ResourceRef } from "./types";

/**
 * One kind of resource teardown knows (a CloudTrail trail, an S3 bucket, …): how to find
 * the account's resources of that kind, how to tell Hajime's from the attendee's, and how
 * to remove one. The engine (discover.ts, remove.ts, step.ts) knows no kind by name: it
 * iterates the kinds a workshop gives it (workshops/server.ts: teardownKindsOf).
 *
 * Safety rules every kind keeps (tests/aws/teardown.test.ts checks them for the first
 * workshop's kinds):
 * - **Only what Hajime made or tagged.** A resource is Hajime's when it carries Hajime's tag
 *   (lib/aws/logging/tags.ts) or the ledger has it with origin "created" (`ledgerHas`,
 *   ledger-match.ts). Nothing else is ever deleted. A resource Hajime only changed (ledger
 *   origin "re-enabled") is put back as it was, never deleted (a row with `action`).
 * - **Pre-existing resources listed as kept.** What `discover` finds that is not Hajime's
 *   goes to `keep` with reason "not-hajime" (or "unreadable" when its tags could not be
 *   read: not known to be Hajime's is not Hajime's), so the review shows what stays.
 * - **Re-checked before each removal.** The browser only names a resource; `remove` finds it
 *   again and decides again from the tag and the ledger, answering `fail("not-hajime")`
 *   otherwise. A resource already gone is `{ status: "gone" }`, so a second run finishes.
 */
export interface ResourceKindModule<K extends string = string> {
  /** The kind's name: ledger rows, refs from the browser and the `resources.<kind>` text. */
  readonly kind: K;
  /**
   * Where its resources live. "regional": in a Region (the ref's region is a Region an
   * attendee can choose); "global": not in a Region (IAM), the ref's region is "global".
   */
  readonly scope: "regional" | "global";
  /**
   * What names one resource: "name-and-region" (a trail, a detector), or "name" when the
   * name is unique in the whole account although the resource lives in a Region (an S3
   * bucket): ledger entries then match by name alone, wherever the bucket is now.
   */
  readonly identity: "name" | "name-and-region";
  /**
   * Kinds whose resources must be removed before this kind's (a trail writes to its bucket:
   * the bucket comes `after: ["trail"]`). The engine orders the given kinds by this, else
   * keeps their given order; the plan lists, and the page removes, in that order.
   */
  readonly after?: readonly string[];
  /** A valid name of this kind; with `scope` it makes the ref schema (schemas.ts). */
  readonly name: z.ZodString;
  /**
   * The kind's ledger entry, when Hajime records what it makes of this kind: the origins an
   * entry may have ("re-enabled": Hajime turned on what the attendee had). Without it the
   * kind is found by its tag alone (step 6's MFA devices) and the ledger never holds it.
   */
  readonly ledger?: { readonly origins: readonly CreatedOrigin[] };
  /**
   * A free, protective setting (S3 Block Public Access, say) that teardown leaves in place
   * on purpose: everything `discover` finds of this kind is listed as kept with reason
   * "on-purpose" and this message key (a full key, e.g. "steps.s3-block-public-access.kept"),
   * which the review shows as the reason; nothing of it is ever removed.
   */
  readonly keptOnPurpose?: { readonly reason: string };

  /**
   * The account's resources of this kind: Hajime's in `remove`, everything else in `keep`.
   * Regions that could not be listed go in `unchecked`: ledger entries there are not taken
   * for removed. Rows are sorted by region, then name.
   */
  discover(context: DiscoverContext): Promise<KindDiscovery>;
  /**
   * What the review shows about one row and costs calls to learn (a bucket's object count,
   * whether a trail is logging): the fields to add to the row. Only the plan asks.
   */
  facts?(aws: Aws, row: PlannedRemoval): Promise<Partial<PlannedRemoval>>;
  /** Removes (or puts back) one resource, re-checked first: see the rules above. */
  remove(context: RemoveContext, ref: ResourceRef): Promise<Result<RemovalProgress>>;
}

export type DiscoverContext = {
  aws: Aws;
  /** The ledger's entries of this kind believed present. */
  entries: readonly CreatedResource[];
  /**
   * "full" (the teardown page): look everywhere an attendee could have made something.
   * "known" (step 10 in "check all"): the ledger's entries where they were made, plus the
   * current Region: cheap enough to run with every check.
   */
  scope: "full" | "known";
};

export type KindDiscovery = { remove: PlannedRemoval[]; keep: KeptResource[]; unchecked?: string[] };

export type RemoveContext = {
  aws: Aws;
  ledger: CreatedLedger;
  /** The ledger's entries believed present (all kinds), read once for this removal. */
  entries: readonly CreatedResource[];
  /** How long one call may keep working (a bucket is emptied a slice per call). */
  budgetMs: number;
};

/** The kinds' names as a union, from a list of kind modules. */
export type KindName<Ks extends readonly ResourceKindModule[]> = Ks[number]["kind"];

/** The names of the kinds the ledger records, from a list of kind modules. */
export type LedgerKindName<Ks extends readonly ResourceKindModule[]> = Extract<Ks[number], { ledger: object }>["kind"];
