/**
 * Teardown's data as the browser sees it: kinds, names and regions. No ARNs, no account ids.
 * (Type-only module: client components import it with `import type`.)
 */

/**
 * The name of a kind of resource teardown knows ("trail", "bucket", "detector",
 * "mfa-device": a virtual MFA device Hajime made for step 6 that nobody enabled, region
 * "global"; a workshop may bring its own). The kinds themselves are server code
 * (kind.ts, kinds/); the page shows the `resources.<kind>` text.
 */
export type ResourceKind = string;

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
  /**
   * "disable": a detector the attendee had, turned off, that Hajime turned back on; teardown
   * turns it off again (UpdateDetector Enable=false) rather than deleting it.
   */
  action?: "disable";
};

/**
 * Something teardown leaves alone, and why: "not-hajime" (the attendee's own), "unreadable"
 * (its tags could not be read, so it is not known to be Hajime's), "on-purpose" (a free,
 * protective setting a workshop keeps: `note` is the message key of why).
 */
export type KeptResource = ResourceRef & { reason: "not-hajime" | "unreadable" | "on-purpose"; note?: string };

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
  | { status: "removed" | "gone" | "restored" }
  | { status: "emptying"; deleted: number };

/** The teardown step's check detail (step 10's card). */
export type TeardownDetail = {
  remaining: (ResourceRef & { action?: "disable" })[];
  cleaned: number;
};
