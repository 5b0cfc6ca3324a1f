import { randomBytes } from "node:crypto";
import { CreateBucketCommand, GetBucketTaggingCommand, HeadBucketCommand, ListObjectVersionsCommand, PutBucketPolicyCommand, type BucketLocationConstraint } from "@aws-sdk/client-s3";
import { CreateTrailCommand, DescribeTrailsCommand, StartLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { GetDetectorCommand, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import type { Aws } from "@/lib/aws/clients";
import type { CreatedLedger } from "@/lib/aws/ledger";
import { discover } from "@/lib/aws/teardown/discover";
import { FIRST_WORKSHOP_KINDS } from "@/workshops/account-security/kinds";
import { removeResource } from "@/lib/aws/teardown/remove";
import type { RemovalProgress, ResourceRef } from "@/lib/aws/teardown/types";

/** Bucket names are global across moto accounts, as in AWS: every test makes its own. */
export function uniqueBucket(prefix = "hajime-test"): string {
  return `${prefix}-${randomBytes(6).toString("hex")}`;
}

export async function bucketExists(aws: Aws, name: string): Promise<boolean> {
  try {
    await aws.s3In("us-east-1").send(new HeadBucketCommand({ Bucket: name }));
    return true;
  } catch {
    return false;
  }
}

export async function trailNames(aws: Aws): Promise<string[]> {
  const out = await aws.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
  return (out.trailList ?? []).map((t) => t.Name!).sort();
}

export async function detectorIds(aws: Aws, region = aws.region): Promise<string[]> {
  return (await aws.guarddutyIn(region).send(new ListDetectorsCommand({}))).DetectorIds ?? [];
}

export async function detectorStatus(aws: Aws, id: string, region = aws.region): Promise<string | undefined> {
  return (await aws.guarddutyIn(region).send(new GetDetectorCommand({ DetectorId: id }))).Status;
}

export async function versionCount(aws: Aws, bucket: string, region = aws.region): Promise<number> {
  let n = 0;
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  for (;;) {
    const page = await aws.s3In(region).send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker, VersionIdMarker }));
    n += (page.Versions?.length ?? 0) + (page.DeleteMarkers?.length ?? 0);
    if (!page.IsTruncated) return n;
    KeyMarker = page.NextKeyMarker;
    VersionIdMarker = page.NextVersionIdMarker;
  }
}

export async function bucketTagSet(aws: Aws, bucket: string, region = aws.region) {
  try {
    return (await aws.s3In(region).send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet ?? [];
  } catch {
    return [];
  }
}

/**
 * What the teardown page does, without the page: plan, then remove each resource in the
 * plan's order (trails, buckets, detectors), calling again while a bucket is being emptied.
 */
export async function runTeardown(aws: Aws, ledger: CreatedLedger) {
  const plan = await discover(aws, ledger, FIRST_WORKSHOP_KINDS, { facts: true });
  const results: { ref: ResourceRef; result: RemovalProgress["status"] | string; calls: number }[] = [];
  for (const item of plan.remove) {
    const ref = { kind: item.kind, name: item.name, region: item.region };
    let calls = 0;
    for (;;) {
      calls += 1;
      const res = await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, ref);
      if (!res.ok) {
        results.push({ ref, result: res.code, calls });
        break;
      }
      if (res.data.status !== "emptying") {
        results.push({ ref, result: res.data.status, calls });
        break;
      }
      if (calls > 50) throw new Error("bucket never emptied");
    }
  }
  return { plan, results };
}

/**
 * An attendee's own trail, made as on AWS: their own bucket with the CloudTrail user guide's
 * bucket policy (AWS refuses CreateTrail without it; the stand-in does too), then the trail.
 */
export async function givenTrail(
  aws: Aws,
  opts: { name: string; bucket?: string; multiRegion?: boolean; logging?: boolean },
): Promise<{ name: string; bucket: string }> {
  const bucket = opts.bucket ?? uniqueBucket("attendee-logs");
  if (!(await bucketExists(aws, bucket))) {
    await aws.s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        ...(aws.region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: aws.region as BucketLocationConstraint } }),
      }),
    );
  }
  await aws.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: cloudTrailBucketPolicy(bucket, aws.accountId) }));
  await aws.cloudtrail.send(new CreateTrailCommand({ Name: opts.name, S3BucketName: bucket, IsMultiRegionTrail: opts.multiRegion ?? false }));
  if (opts.logging ?? true) await aws.cloudtrail.send(new StartLoggingCommand({ Name: opts.name }));
  return { name: opts.name, bucket };
}

/** The bucket policy of the CloudTrail user guide (create-s3-bucket-policy-for-cloudtrail), for any trail of the account. */
export function cloudTrailBucketPolicy(bucket: string, accountId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AWSCloudTrailAclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: `arn:aws:s3:::${bucket}`,
      },
      {
        Sid: "AWSCloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/${accountId}/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
      },
    ],
  });
}
