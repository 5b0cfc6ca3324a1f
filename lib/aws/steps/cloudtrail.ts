import "server-only";
import {
  CreateTrailCommand,
  StartLoggingCommand,
  UpdateTrailCommand,
} from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { bucketNameProblem, trailNameProblem } from "@/lib/workshop/trail-names";
import type { Aws } from "../clients";
import { fail, ok, type Failure } from "../errors";
import type { CreatedLedger, CreatedResource } from "../ledger";
import { isAwsError } from "../logging/aws-error";
import { bucketRegion, bucketTags, createBucket, ownBuckets, protectTrailBucket } from "../logging/buckets";
import { hasHajimeTag, HAJIME_TAG } from "../logging/tags";
import { isLogging, listTrails, tagTrail, trailArn, type TrailInfo } from "../logging/trails";
import type { Step } from "../step";

/** What the card shows about each trail: names and regions, never ARNs. */
export type TrailView = {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  /** null when CloudTrail would not say (an organization trail seen from a member account). */
  logging: boolean | null;
  bucket: string;
  hajime: boolean;
};

export type CloudTrailDetail = { trails: TrailView[] };

export type CloudTrailFixReport = {
  bucket: { name: string; region: string; created: boolean };
  trail: { name: string; homeRegion: string; created: boolean } | null;
};

const fixInput = z.object({
  bucketName: z.string().max(255),
  trailName: z.string().max(255),
  /** "bucket" prepares the bucket only (the form shows progress stage by stage); "trail" does everything. */
  stage: z.enum(["bucket", "trail"]).default("trail"),
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
        let logging: boolean | null = null;
        try {
          logging = await isLogging(aws, t);
        } catch {
          logging = null;
        }
        return {
          name: t.name,
          homeRegion: t.homeRegion,
          multiRegion: t.multiRegion,
          organization: t.organization,
          logging,
          bucket: t.bucket,
          hajime: t.tagged,
        };
      }),
    );
    views.sort((a, b) => Number(b.multiRegion) - Number(a.multiRegion) || a.name.localeCompare(b.name));
    const done = views.some((t) => t.multiRegion && t.logging === true);
    return { state: done ? "done" : "todo", detail: { trails: views } };
  },

  fixInput,

  async fix(aws, input, ctx) {
    const bucketProblem = bucketNameProblem(input.bucketName);
    if (bucketProblem) return fail("bucket-name-invalid", { problem: bucketProblem });
    const trailProblem = trailNameProblem(input.trailName);
    if (trailProblem) return fail("trail-name-invalid", { problem: trailProblem });

    const ledger = await ctx.ledger.list();
    const trails = await listTrails(aws, [aws.region, ...ledgerTrailRegions(ledger)]);
    const sameName = trails.filter((t) => t.name === input.trailName);
    const existing = sameName.find((t) => t.homeRegion === aws.region) ?? sameName[0];
    // CreateTrail with a taken name replaces that trail in moto; AWS refuses it. Neither is
    // what an attendee who already has a trail of that name wants.
    if (existing && !isHajimeTrail(existing, ledger)) return fail("trail-name-taken", { trail: input.trailName });
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
        throw error;
      }
    }
    await ctx.ledger.remember({ kind: "trail", name: trail.name, region: trail.homeRegion });
    await tagTrail(aws, trail);
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
  if (made.kind === "exists-own") {
    if (!(await ours(made.region))) return fail("bucket-exists-yours", { bucket: name });
    await record.remember({ kind: "bucket", name, region: made.region });
    return { region: made.region, created: false };
  }
  // Recorded before anything else can fail, so a half-done run is still cleaned up.
  await record.remember({ kind: "bucket", name, region: made.region });
  return { region: made.region, created: true };
}
