import "server-only";
import { DeleteTrailCommand, StopLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { DeleteDetectorCommand } from "@aws-sdk/client-guardduty";
import type { Aws } from "../clients";
import { accountChanged } from "../account-facts";
import { fail, ok, type Result } from "@/lib/result";
import type { CreatedLedger, CreatedResource } from "../ledger";
import {
  abortUploads,
  bucketRegion,
  bucketTags,
  deleteEmptyBucket,
  deleteObjectPage,
  ObjectsNotDeleted,
  ownBuckets,
} from "../logging/buckets";
import { isAwsError } from "../logging/aws-error";
import { detectorsIn } from "../logging/detectors";
import { hasHajimeTag } from "../logging/tags";
import { isLogging, listTrails } from "../logging/trails";
import { ledgerHas, reEnabledByHajime } from "./discover";
import { removeMfaDevice, restoreDetector } from "./restore";
import type { RemovalProgress, ResourceRef } from "./types";

/**
 * Removes one resource, after checking again that it is Hajime's (the request names it,
 * but only the ledger and the tag decide). A resource already gone is success, so a second
 * run, or a run after a half-done one, simply finishes.
 */
export async function removeResource(
  aws: Aws,
  ledger: CreatedLedger,
  ref: ResourceRef,
  budgetMs = 8_000,
): Promise<Result<RemovalProgress>> {
  try {
    const entries = await ledger.list();
    switch (ref.kind) {
      case "trail":
        return await removeTrail(aws, ledger, entries, ref);
      case "bucket":
        return await removeBucket(aws, ledger, entries, ref, budgetMs);
      case "detector":
        return await removeDetector(aws, ledger, entries, ref);
      case "mfa-device":
        return await removeMfaDevice(aws, ref);
    }
  } finally {
    accountChanged(aws.accountId);
  }
}

async function forgetAll(ledger: CreatedLedger, entries: readonly CreatedResource[], match: (r: CreatedResource) => boolean) {
  for (const r of entries) if (match(r)) await ledger.forget(r);
}

async function removeTrail(
  aws: Aws,
  ledger: CreatedLedger,
  entries: readonly CreatedResource[],
  ref: ResourceRef,
): Promise<Result<RemovalProgress>> {
  const trail = (await listTrails(aws, [ref.region, aws.region])).find((t) => t.name === ref.name && t.homeRegion === ref.region);
  const forget = () => forgetAll(ledger, entries, (r) => r.kind === "trail" && r.name === ref.name && r.region === ref.region);
  if (!trail) {
    await forget();
    return ok({ status: "gone" });
  }
  if (!(trail.tagged || ledgerHas(entries, "trail", trail.name, trail.homeRegion))) return fail("not-hajime");
  const ct = aws.cloudtrailIn(trail.homeRegion);
  // Stop first: a trail that is deleted while logging may still deliver a last file.
  if (await isLogging(aws, trail)) await ct.send(new StopLoggingCommand({ Name: trail.name }));
  await ct.send(new DeleteTrailCommand({ Name: trail.name }));
  await forget();
  return ok({ status: "removed" });
}

async function removeBucket(
  aws: Aws,
  ledger: CreatedLedger,
  entries: readonly CreatedResource[],
  ref: ResourceRef,
  budgetMs: number,
): Promise<Result<RemovalProgress>> {
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
}

async function removeDetector(
  aws: Aws,
  ledger: CreatedLedger,
  entries: readonly CreatedResource[],
  ref: ResourceRef,
): Promise<Result<RemovalProgress>> {
  const detector = (await detectorsIn(aws, ref.region)).find((d) => d.id === ref.name);
  const forget = () => forgetAll(ledger, entries, (r) => r.kind === "detector" && r.name === ref.name && r.region === ref.region);
  if (!detector) {
    await forget();
    return ok({ status: "gone" });
  }
  // A detector the attendee had and Hajime only re-enabled is theirs: never deleted, turned off again.
  if (!(detector.tagged || ledgerHas(entries, "detector", detector.id, ref.region))) {
    return reEnabledByHajime(entries, ref) ? restoreDetector(aws, ledger, entries, detector) : fail("not-hajime");
  }
  await aws.guarddutyIn(ref.region).send(new DeleteDetectorCommand({ DetectorId: detector.id }));
  await forget();
  return ok({ status: "removed" });
}
