import "server-only";
import {
  CreateTrailCommand,
  StartLoggingCommand,
  UpdateTrailCommand,
} from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { bucketNameProblem, trailNameProblem } from "@/lib/workshop/trail-names";
import { recordsEveryRegion, type TrailView } from "@/lib/workshop/trail-verdict";
import type { Aws } from "@/lib/aws/clients";
import { fail, ok, type Failure } from "@/lib/result";
import type { CreatedLedger, CreatedResource } from "@/lib/aws/ledger";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { bucketRegion, bucketTags, createBucket, ownBuckets, protectTrailBucket } from "@/lib/aws/logging/buckets";
import { hasHajimeTag, HAJIME_TAG } from "@/lib/aws/logging/tags";
import {
  isLogging,
  listTrails,
  managementEvents,
  ownedElsewhere,
  recordAllManagementEvents,
  tagTrail,
  trailArn,
  type TrailInfo,
} from "@/lib/aws/logging/trails";
import type { Step } from "@/lib/aws/step";

export type { TrailView } from "@/lib/workshop/trail-verdict";

/**
 * "trail": a trail of this account records every Region's read and write management events.
 * "organization": an organization trail does, as far as this member account can tell (it
 * cannot always read an organization trail's status or selectors; the organization runs it).
 * The rule is recordsEveryRegion (lib/workshop/trail-verdict.ts).
 */
export type CloudTrailDetail = { trails: TrailView[]; recordedBy: { trail: string; kind: "trail" | "organization" } | null };

export type CloudTrailFixReport = {
  bucket: { name: string; region: string; created: boolean };
  trail: { name: string; homeRegion: string; created: boolean } | null;
};

const fixInput = z.object({
  bucketName: z.string().max(255),
  trailName: z.string().max(255),
  /** "bucket" prepares the bucket only (the form shows progress stage by stage); "trail" does everything. */
  stage: z.enum(["bucket", "trail"]).default("trail"),
  /** The attendee saw that the account already has trails and that another one is charged. */
  acknowledgeCost: z.boolean().default(false),
});

const inLedger = (ledger: readonly CreatedResource[], kind: CreatedResource["kind"], name: string, region?: string) =>
  ledger.some((r) => r.kind === kind && r.name === name && (region === undefined || r.region === region) && r.origin !== "re-enabled");

export function isHajimeTrail(t: TrailInfo, ledger: readonly CreatedResource[]): boolean {
  return t.tagged || inLedger(ledger, "trail", t.name, t.homeRegion);
}

function ledgerTrailRegions(ledger: readonly CreatedResource[]): string[] {
  return ledger.filter((r) => r.kind === "trail").map((r) => r.region);
}

export const cloudtrail: Step<CloudTrailDetail, z.infer<typeof fixInput>, CloudTrailFixReport> = {
  id: "cloudtrail",

  async check(aws) {
    const trails = await listTrails(aws);
    const views = await Promise.all(
      trails.map(async (t): Promise<TrailView> => {
        const [logging, management] = await Promise.all([
          isLogging(aws, t).catch(() => null),
          // Only a multi-Region trail can count: a one-Region trail's selectors are not asked.
          t.multiRegion ? managementEvents(aws, t).catch(() => null) : Promise.resolve(null),
        ]);
        return {
          name: t.name,
          homeRegion: t.homeRegion,
          multiRegion: t.multiRegion,
          organization: t.organization,
          fromOrganization: t.organization && ownedElsewhere(aws, t),
          logging,
          management,
          bucket: t.bucket,
          hajime: t.tagged,
        };
      }),
    );
    views.sort((a, b) => Number(b.multiRegion) - Number(a.multiRegion) || a.name.localeCompare(b.name));
    const recording = views.filter(recordsEveryRegion);
    const best = recording.find((t) => !t.fromOrganization) ?? recording[0];
    const recordedBy = best ? { trail: best.name, kind: best.fromOrganization ? ("organization" as const) : ("trail" as const) } : null;
    return { state: best ? "done" : "todo", detail: { trails: views, recordedBy } };
  },

  // The bucket stage alone leaves the step to do by design.
  fixFinishes: (input) => (input as { stage?: string } | undefined)?.stage !== "bucket",

  fixInput,

  async fix(aws, input, ctx) {
    const bucketProblem = bucketNameProblem(input.bucketName);
    if (bucketProblem) return fail("bucket-name-invalid", { problem: bucketProblem });
    const trailProblem = trailNameProblem(input.trailName);
    if (trailProblem) return fail("trail-name-invalid", { problem: trailProblem });

    const ledger = await ctx.ledger.list();
    const trails = await listTrails(aws, [aws.region, ...ledgerTrailRegions(ledger)]);
    const sameName = trails.filter((t) => t.name === input.trailName && !ownedElsewhere(aws, t));
    const existing = sameName.find((t) => t.homeRegion === aws.region) ?? sameName[0];
    // CreateTrail with a taken name replaces that trail in moto; AWS refuses it. Neither is
    // what an attendee who already has a trail of that name wants.
    if (existing && !isHajimeTrail(existing, ledger)) return fail("trail-name-taken", { trail: input.trailName });
    // A Hajime trail of this name writing to another bucket is another run's: most likely
    // another attendee's in the same account. UpdateTrail would re-point their trail.
    if (existing && existing.bucket && existing.bucket !== input.bucketName) return fail("trail-name-in-use", { trail: input.trailName });
    // "The first copy of management events is free; additional copies are charged": a new
    // trail beside any other costs money, so it is made only once the attendee said so.
    // https://aws.amazon.com/cloudtrail/pricing/
    const others = trails.filter((t) => t !== existing);
    if (!existing && others.length > 0 && !input.acknowledgeCost) return fail("extra-trail-unconfirmed", { count: others.length });
    const trailHome = existing?.homeRegion ?? aws.region;

    // Every Hajime trail that writes to this bucket keeps its permission.
    const writers = new Set([trailArn(aws, input.trailName, trailHome)]);
    for (const t of trails) if (t.bucket === input.bucketName && isHajimeTrail(t, ledger)) writers.add(t.arn);

    const bucket = await ensureBucket(aws, input.bucketName, ledger, ctx.ledger);
    if ("ok" in bucket) return bucket;
    await protectTrailBucket(aws, input.bucketName, bucket.region, [...writers]);
    if (input.stage === "bucket") return ok({ bucket: { name: input.bucketName, ...bucket }, trail: null });

    let trail: TrailInfo;
    let created = false;
    const settings = {
      S3BucketName: input.bucketName,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
    };
    if (existing) {
      await aws.cloudtrailIn(existing.homeRegion).send(new UpdateTrailCommand({ Name: existing.name, ...settings }));
      trail = existing;
    } else {
      try {
        const out = await aws.cloudtrail.send(
          new CreateTrailCommand({ Name: input.trailName, ...settings, TagsList: [{ ...HAJIME_TAG }] }),
        );
        created = true;
        trail = {
          name: input.trailName,
          arn: out.TrailARN ?? trailArn(aws, input.trailName, aws.region),
          homeRegion: aws.region,
          multiRegion: true,
          organization: false,
          bucket: input.bucketName,
          tagged: true,
        };
      } catch (error) {
        // Another tab made it a moment ago: the next run finds it and carries on.
        if (isAwsError(error, "TrailAlreadyExistsException")) return fail("try-again");
        // "Trails per Region: 5" (CloudTrail quotas).
        // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html
        if (isAwsError(error, "MaximumNumberOfTrailsExceededException")) return fail("trail-limit-reached", { region: aws.region });
        throw error;
      }
    }
    await ctx.ledger.remember({ kind: "trail", name: trail.name, region: trail.homeRegion });
    await tagTrail(aws, trail);
    // Every management event, read and write, whatever the trail's selectors were.
    await recordAllManagementEvents(aws, trail);
    // By name, in the home region: moto answers the ARN form of Start/StopLogging with a 500.
    await aws.cloudtrailIn(trail.homeRegion).send(new StartLoggingCommand({ Name: trail.name }));
    return ok({
      bucket: { name: input.bucketName, ...bucket },
      trail: { name: trail.name, homeRegion: trail.homeRegion, created },
    });
  },
};

/**
 * The trail's bucket: made in the session's region, or found when an earlier run made it.
 * A bucket of the same name that Hajime did not make is never taken over.
 */
async function ensureBucket(
  aws: Aws,
  name: string,
  ledger: readonly CreatedResource[],
  record: CreatedLedger,
): Promise<{ region: string; created: boolean } | Failure> {
  const ours = async (region: string) => inLedger(ledger, "bucket", name) || hasHajimeTag(await bucketTags(aws, name, region));
  const own = (await ownBuckets(aws, name)).find((b) => b.name === name);
  if (own) {
    // In us-east-1 AWS answers CreateBucket on one's own bucket with success, so look first.
    const region = own.region ?? (await bucketRegion(aws, name));
    if (!(await ours(region))) return fail("bucket-exists-yours", { bucket: name });
    await record.remember({ kind: "bucket", name, region });
    return { region, created: false };
  }
  const made = await createBucket(aws, name, aws.region);
  if (made.kind === "taken") return fail("bucket-name-taken", { bucket: name });
  if (made.kind === "recently-deleted") return fail("bucket-name-recently-deleted", { bucket: name });
  if (made.kind === "exists-own") {
    if (!(await ours(made.region))) return fail("bucket-exists-yours", { bucket: name });
    await record.remember({ kind: "bucket", name, region: made.region });
    return { region: made.region, created: false };
  }
  // Recorded before anything else can fail, so a half-done run is still cleaned up.
  await record.remember({ kind: "bucket", name, region: made.region });
  return { region: made.region, created: true };
}
