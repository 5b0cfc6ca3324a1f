import "server-only";
import { z } from "zod";
import { fail, ok } from "@/lib/result";
import { isAwsError } from "../../logging/aws-error";
import {
  abortUploads,
  bucketFacts,
  bucketRegion,
  bucketTags,
  countObjectVersions,
  deleteEmptyBucket,
  deleteObjectPage,
  ObjectsNotDeleted,
  ownBuckets,
} from "../../logging/buckets";
import { hasHajimeTag } from "../../logging/tags";
import { listTrails } from "../../logging/trails";
import type { DiscoverContext, KindDiscovery, ResourceKindModule } from "../kind";
import { forgetAll, ledgerHas, sorted } from "../ledger-match";

/**
 * Step 7's S3 bucket for the trail's logs. Bucket names are unique in the whole account, so
 * ledger entries match by name alone (the bucket may not be where the ledger last saw it).
 */
export const bucket = {
  kind: "bucket",
  scope: "regional",
  identity: "name",
  after: ["trail"],
  name: z.string().min(1).max(255).regex(/^[A-Za-z0-9._-]+$/),
  ledger: { origins: ["created"] },

  discover: (context) => (context.scope === "full" ? everyBucket(context) : knownBuckets(context)),

  async facts(aws, row) {
    return { objects: row.region ? await countObjectVersions(aws, row.name, row.region).catch(() => null) : null };
  },

  async remove({ aws, ledger, entries, budgetMs }, ref) {
    const forget = () => forgetAll(ledger, entries, (r) => r.kind === "bucket" && r.name === ref.name);
    const exists = (await ownBuckets(aws, ref.name)).some((b) => b.name === ref.name);
    if (!exists) {
      await forget();
      return ok({ status: "gone" });
    }
    // The bucket may have moved out of the session's region (the attendee switched): ask S3.
    const region = await bucketRegion(aws, ref.name);
    if (!(ledgerHas(entries, "bucket", ref.name) || hasHajimeTag(await bucketTags(aws, ref.name, region)))) {
      return fail("not-hajime");
    }
    const writer = (await listTrails(aws, [aws.region, region])).find((t) => t.bucket === ref.name);
    if (writer) return fail("bucket-in-use", { trail: writer.name });

    const started = Date.now();
    let deleted = 0;
    try {
      for (;;) {
        const n = await deleteObjectPage(aws, ref.name, region);
        deleted += n;
        if (n === 0) {
          await abortUploads(aws, ref.name, region);
          if (await deleteEmptyBucket(aws, ref.name, region)) break;
          // Something was written meanwhile (CloudTrail's last delivery): empty again.
        }
        if (Date.now() - started > budgetMs) return ok({ status: "emptying", deleted });
      }
    } catch (error) {
      if (error instanceof ObjectsNotDeleted) return fail("objects-not-deleted", { count: error.count, name: error.code });
      // Removed meanwhile by someone else (the console, another Hajime server): gone is gone.
      if (isAwsError(error, "NoSuchBucket", "NotFound")) {
        await forget();
        return ok({ status: "gone" });
      }
      throw error;
    }
    await forget();
    return ok({ status: "removed" });
  },
} satisfies ResourceKindModule<"bucket">;

/** Every bucket the account owns, each told Hajime's or not by its tag and the ledger. */
async function everyBucket({ aws, entries }: DiscoverContext): Promise<KindDiscovery> {
  const facts = await bucketFacts(aws, await ownBuckets(aws));
  const part: KindDiscovery = { remove: [], keep: [] };
  for (const b of facts) {
    const ref = { kind: "bucket", name: b.name, region: b.region };
    if (b.tagged || ledgerHas(entries, "bucket", b.name)) part.remove.push({ ...ref, objects: null });
    // A bucket whose tags could not be read is kept, and said so ("kept — could not read").
    else part.keep.push({ ...ref, reason: b.unreadable ? "unreadable" : "not-hajime" });
  }
  return sorted(part);
}

/**
 * The ledger's buckets that still exist: one ListBuckets (by prefix for the usual single
 * bucket, so an account with many buckets answers with one), no tags read: the ledger says
 * they are Hajime's.
 */
async function knownBuckets({ aws, entries }: DiscoverContext): Promise<KindDiscovery> {
  const part: KindDiscovery = { remove: [], keep: [] };
  if (entries.length === 0) return part;
  const listed = await ownBuckets(aws, entries.length === 1 ? entries[0].name : undefined);
  const existing = new Map(listed.map((b) => [b.name, b.region]));
  for (const r of entries) {
    if (existing.has(r.name)) part.remove.push({ kind: "bucket", name: r.name, region: existing.get(r.name) ?? r.region, objects: null });
  }
  return sorted(part);
}
