/**
 * Teardown's data as the browser sees it: kinds, names and regions. No ARNs, no account ids.
 * (Type-only module: client components import it with `import type`.)
 */

export type ResourceKind = "trail" | "bucket" | "detector";

export type ResourceRef = { kind: ResourceKind; name: string; region: string };

/** Something Hajime made that still exists and that teardown will remove. */
export type PlannedRemoval = ResourceRef & {
  /** Trails: the bucket it writes to, and whether it is logging. */
  bucket?: string;
  logging?: boolean | null;
  /** Buckets: object versions and delete markers inside (counted up to a cap). */
  objects?: { count: number; capped: boolean } | null;
  /** Detectors: whether GuardDuty is on. */
  enabled?: boolean;
};

/** Something teardown leaves alone, and why. */
export type KeptResource = ResourceRef & { reason: "not-hajime" | "re-enabled" };

export type TeardownPlan = {
  remove: PlannedRemoval[];
  keep: KeptResource[];
  /** Regions where GuardDuty could not be listed (denied by an SCP, for example). */
  unchecked: string[];
  /** How many things Hajime made in this account are already gone. */
  cleaned: number;
};

/** One call's progress on one resource. Buckets may take several calls. */
export type RemovalProgress =
  | { status: "removed" | "gone" }
  | { status: "emptying"; deleted: number };

/** The teardown step's check detail (step 10's card). */
export type TeardownDetail = {
  remaining: ResourceRef[];
  cleaned: number;
  reEnabled: ResourceRef[];
};
