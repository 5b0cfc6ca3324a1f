import "server-only";
import { REGIONS } from "@/lib/regions";
import type { Aws } from "../clients";
import type { CreatedLedger, CreatedResource } from "../ledger";
import { bucketFacts, countObjectVersions, ownBuckets } from "../logging/buckets";
import { detectorsIn, type DetectorInfo } from "../logging/detectors";
import { isLogging, listTrails, type TrailInfo } from "../logging/trails";
import { remembered } from "../account-facts";
import { hajimeUnassignedDevices } from "../mfa-devices";
import type { KeptResource, PlannedRemoval, TeardownPlan } from "./types";

/**
 * What of Hajime's is in the account: the union of the ledger's entries (verified to still
 * exist) and resources carrying Hajime's tag, found by listing. Everything else is kept.
 */
export type Discovery = TeardownPlan & {
  /** Ledger entries whose resource no longer exists (removed outside teardown). */
  missing: CreatedResource[];
  /** The ledger's entries believed present, as read for this discovery. */
  known: CreatedResource[];
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
  /** Count each bucket's objects (the plan shows it; the step's check does not need it). */
  countObjects?: boolean;
  /** Ask each Hajime trail whether it is logging. */
  trailStatus?: boolean;
};

const isCreated = (r: CreatedResource) => (r.origin ?? "created") === "created";

export function ledgerHas(ledger: readonly CreatedResource[], kind: CreatedResource["kind"], name: string, region?: string): boolean {
  return ledger.some((r) => r.kind === kind && r.name === name && (region === undefined || r.region === region) && isCreated(r));
}

export async function discover(aws: Aws, ledger: CreatedLedger, options: DiscoverOptions = {}): Promise<Discovery> {
  const full = (options.scope ?? "full") === "full";
  const [active, removed] = await Promise.all([ledger.list(), ledger.removed()]);
  const [trails, buckets, detectors, devices] = await Promise.all([
    discoverTrails(aws, active, options),
    full ? discoverBuckets(aws, active, options) : knownBuckets(aws, active),
    discoverDetectors(aws, active, full),
    discoverMfaDevices(aws, full),
  ]);
  const remove = [...trails.remove, ...buckets.remove, ...detectors.remove, ...devices];
  const present = (r: CreatedResource) =>
    remove.some((p) => p.kind === r.kind && p.name === r.name && (r.kind === "bucket" || p.region === r.region)) ||
    detectors.keep.some((k) => k.kind === r.kind && k.name === r.name && k.region === r.region);
  const missing = active.filter(
    (r) => !present(r) && !(r.kind === "detector" && detectors.unchecked.includes(r.region)),
  );
  if (full) await learn(ledger, active, remove);
  return {
    remove,
    keep: [...trails.keep, ...buckets.keep, ...detectors.keep],
    unchecked: detectors.unchecked,
    cleaned: removed.length + missing.filter(isCreated).length,
    missing,
    known: active,
  };
}

type Part = { remove: PlannedRemoval[]; keep: KeptResource[] };

async function discoverTrails(aws: Aws, ledger: readonly CreatedResource[], options: DiscoverOptions): Promise<Part> {
  const regions = [aws.region, ...ledger.filter((r) => r.kind === "trail").map((r) => r.region)];
  const trails = await listTrails(aws, regions);
  const part: Part = { remove: [], keep: [] };
  await Promise.all(
    trails.map(async (t: TrailInfo) => {
      const ref = { kind: "trail" as const, name: t.name, region: t.homeRegion };
      if (!(t.tagged || ledgerHas(ledger, "trail", t.name, t.homeRegion))) {
        part.keep.push({ ...ref, reason: "not-hajime" });
        return;
      }
      let logging: boolean | null = null;
      if (options.trailStatus) logging = await isLogging(aws, t).catch(() => null);
      part.remove.push({ ...ref, bucket: t.bucket, logging });
    }),
  );
  return sorted(part);
}

async function discoverBuckets(aws: Aws, ledger: readonly CreatedResource[], options: DiscoverOptions): Promise<Part> {
  const facts = await bucketFacts(aws, await ownBuckets(aws));
  const part: Part = { remove: [], keep: [] };
  await Promise.all(
    facts.map(async (b) => {
      const ref = { kind: "bucket" as const, name: b.name, region: b.region };
      if (!(b.tagged || ledgerHas(ledger, "bucket", b.name))) {
        // A bucket whose tags could not be read is kept, and said so ("kept — could not read").
        part.keep.push({ ...ref, reason: b.unreadable ? "unreadable" : "not-hajime" });
        return;
      }
      const objects = options.countObjects && b.region ? await countObjectVersions(aws, b.name, b.region).catch(() => null) : null;
      part.remove.push({ ...ref, objects });
    }),
  );
  return sorted(part);
}

/**
 * The ledger's buckets that still exist: one ListBuckets (by prefix for the usual single
 * bucket, so an account with many buckets answers with one), no tags read: the ledger says
 * they are Hajime's.
 */
async function knownBuckets(aws: Aws, ledger: readonly CreatedResource[]): Promise<Part> {
  const known = ledger.filter((r) => r.kind === "bucket");
  const part: Part = { remove: [], keep: [] };
  if (known.length === 0) return part;
  const listed = await ownBuckets(aws, known.length === 1 ? known[0].name : undefined);
  const existing = new Map(listed.map((b) => [b.name, b.region]));
  for (const r of known) {
    if (existing.has(r.name)) part.remove.push({ kind: "bucket", name: r.name, region: existing.get(r.name) ?? r.region, objects: null });
  }
  return sorted(part);
}

async function discoverDetectors(aws: Aws, ledger: readonly CreatedResource[], everywhere: boolean): Promise<Part & { unchecked: string[] }> {
  const regions = [
    ...new Set<string>([aws.region, ...(everywhere ? REGIONS : []), ...ledger.filter((r) => r.kind === "detector").map((r) => r.region)]),
  ];
  const part: Part & { unchecked: string[] } = { remove: [], keep: [], unchecked: [] };
  await Promise.all(
    regions.map(async (region) => {
      let found: DetectorInfo[];
      try {
        found = await detectorsIn(aws, region);
      } catch {
        part.unchecked.push(region);
        return;
      }
      for (const d of found) {
        const ref = { kind: "detector" as const, name: d.id, region };
        if (d.tagged || ledgerHas(ledger, "detector", d.id, region)) {
          part.remove.push({ ...ref, enabled: d.enabled });
        } else if (reEnabledByHajime(ledger, ref)) {
          // The attendee's own detector, off before the hands-on: turned off again, never deleted.
          // Once off, it is the attendee's as it was, and not listed.
          if (d.enabled) part.remove.push({ ...ref, enabled: true, action: "disable" });
        } else {
          part.keep.push({ ...ref, reason: "not-hajime" });
        }
      }
    }),
  );
  part.unchecked.sort();
  return sorted(part);
}

/**
 * Tagged resources the ledger did not know (made by a Hajime server that has since lost its
 * database, say) are recorded, so that step 10's check in "check all", which trusts the
 * ledger beyond the current Region, sees them from now on.
 */
async function learn(ledger: CreatedLedger, known: readonly CreatedResource[], found: readonly PlannedRemoval[]): Promise<void> {
  for (const r of found) {
    if (r.kind === "mfa-device" || r.action === "disable") continue;
    const region = r.kind === "bucket" ? undefined : r.region;
    if (!ledgerHas(known, r.kind, r.name, region)) await ledger.remember({ kind: r.kind, name: r.name, region: r.region });
  }
}

/** A detector the ledger says Hajime re-enabled (and did not make). */
export function reEnabledByHajime(ledger: readonly CreatedResource[], ref: { name: string; region: string }): boolean {
  return ledger.some((r) => r.kind === "detector" && r.name === ref.name && r.region === ref.region && r.origin === "re-enabled");
}

/**
 * Virtual MFA devices Hajime made for step 6 that were never enabled (an abandoned step 6).
 * IAM is global: region "global". Credentials that cannot call IAM (get-session-token
 * without MFA) see none; such devices cost nothing and wait for a later teardown.
 */
async function discoverMfaDevices(aws: Aws, fresh: boolean): Promise<PlannedRemoval[]> {
  try {
    // Only Hajime's step 6 makes these, and every start, fix and removal says so
    // (account-facts.ts): "check all" need not list them every time.
    const devices = fresh ? await hajimeUnassignedDevices(aws) : await remembered(aws, "unused-mfa-devices", () => hajimeUnassignedDevices(aws));
    return devices.map((d) => ({ kind: "mfa-device" as const, name: d.name, region: "global" })).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

function sorted<T extends Part>(part: T): T {
  const order = (a: { name: string; region: string }, b: { name: string; region: string }) =>
    a.region.localeCompare(b.region) || a.name.localeCompare(b.name);
  part.remove.sort(order);
  part.keep.sort(order);
  return part;
}
