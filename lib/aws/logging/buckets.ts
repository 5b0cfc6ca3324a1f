import "server-only";
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  type BucketLocationConstraint,
  type Tag,
} from "@aws-sdk/client-s3";
import type { Aws } from "../clients";
import { toFailure } from "../errors";
import { mapLimit } from "../map-limit";
import { isAwsError } from "./aws-error";
import { hasHajimeTag, HAJIME_TAG } from "./tags";

export type OwnBucket = { name: string; region?: string };

/** The buckets this account owns (ListBuckets is global), optionally only those starting with `prefix`. */
export async function ownBuckets(aws: Aws, prefix?: string): Promise<OwnBucket[]> {
  const out: OwnBucket[] = [];
  let token: string | undefined;
  do {
    // With MaxBuckets set, S3 includes each bucket's region, saving a GetBucketLocation each.
    const page = await aws.s3.send(
      new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken: token, ...(prefix ? { Prefix: prefix } : {}) }),
    );
    for (const b of page.Buckets ?? []) {
      if (b.Name && (!prefix || b.Name.startsWith(prefix))) out.push({ name: b.Name, region: b.BucketRegion || undefined });
    }
    token = page.ContinuationToken || undefined;
  } while (token);
  return out;
}

/** The bucket's region. GetBucketLocation answers for any bucket at the us-east-1 endpoint. */
export async function bucketRegion(aws: Aws, name: string): Promise<string> {
  const out = await aws.s3In("us-east-1").send(new GetBucketLocationCommand({ Bucket: name }));
  const c = out.LocationConstraint as string | undefined;
  if (!c) return "us-east-1";
  if (c === "EU") return "eu-west-1";
  return c;
}

export async function bucketTags(aws: Aws, name: string, region: string): Promise<Tag[]> {
  try {
    return (await aws.s3In(region).send(new GetBucketTaggingCommand({ Bucket: name }))).TagSet ?? [];
  } catch (error) {
    if (isAwsError(error, "NoSuchTagSet", "NoSuchTagSetError")) return [];
    throw error;
  }
}

export type BucketFacts = { name: string; region: string; tagged: boolean; unreadable?: boolean };

/**
 * Region and tag of each bucket, a few at a time. A bucket that vanished meanwhile is left
 * out. One whose region or tags cannot be read (a bucket policy that denies
 * s3:GetBucketTagging to everyone, say) is marked unreadable rather than failing the lot:
 * it is not known to be Hajime's.
 */
export async function bucketFacts(aws: Aws, buckets: readonly OwnBucket[]): Promise<BucketFacts[]> {
  const facts = await mapLimit(buckets, 8, async (b): Promise<BucketFacts | null> => {
    let region = b.region;
    try {
      region ??= await bucketRegion(aws, b.name);
      return { name: b.name, region, tagged: hasHajimeTag(await bucketTags(aws, b.name, region)) };
    } catch (error) {
      if (isAwsError(error, "NoSuchBucket", "NotFound")) return null;
      // Dead credentials, a network failure or AWS not answering in time are not about this
      // bucket: they fail the plan.
      const code = toFailure(error).code;
      if (["expired", "invalid-credentials", "network", "aws-timeout", "throttled"].includes(code)) throw error;
      return { name: b.name, region: region ?? "", tagged: false, unreadable: true };
    }
  });
  return facts.filter((f): f is BucketFacts => f !== null);
}

/**
 * The bucket policy CloudTrail needs, as in the CloudTrail user guide, limited with
 * aws:SourceArn to the given trails of this account.
 */
export function trailBucketPolicy(aws: Aws, bucket: string, trailArns: readonly string[]): string {
  const bucketArn = `arn:${aws.partition}:s3:::${bucket}`;
  const sourceArn = trailArns.length === 1 ? trailArns[0] : [...trailArns];
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AWSCloudTrailAclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: bucketArn,
        Condition: { StringEquals: { "aws:SourceArn": sourceArn } },
      },
      {
        Sid: "AWSCloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/AWSLogs/${aws.accountId}/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": sourceArn } },
      }
    ],
  });
}

export type CreateBucketOutcome =
  | { kind: "created"; region: string }
  | { kind: "exists-own"; region: string }
  | { kind: "taken" }
  | { kind: "recently-deleted" };

/** CreateBucket in `region`; says whether the name was free, already ours, or someone else's. */
export async function createBucket(aws: Aws, name: string, region: string): Promise<CreateBucketOutcome> {
  try {
    await aws.s3In(region).send(
      new CreateBucketCommand({
        Bucket: name,
        ObjectOwnership: "BucketOwnerEnforced",
        // us-east-1 is the one region that refuses a LocationConstraint naming itself.
        ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
    return { kind: "created", region };
  } catch (error) {
    if (isAwsError(error, "BucketAlreadyOwnedByYou")) return { kind: "exists-own", region: await bucketRegion(aws, name) };
    if (isAwsError(error, "BucketAlreadyExists")) return { kind: "taken" };
    // A name just deleted (by teardown, say) is not free at once: S3 answers OperationAborted
    // ("A conflicting conditional operation is currently in progress") for a while.
    // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
    if (isAwsError(error, "OperationAborted")) return { kind: "recently-deleted" };
    throw error;
  }
}

/** Tag, Block Public Access, default encryption and the CloudTrail policy. Each call replaces the last. */
export async function protectTrailBucket(aws: Aws, name: string, region: string, trailArns: readonly string[]): Promise<void> {
  const s3 = aws.s3In(region);
  const others = (await bucketTags(aws, name, region)).filter((t) => t.Key !== HAJIME_TAG.Key);
  await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: [...others, { ...HAJIME_TAG }] } }));
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: name,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: name,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
    }),
  );
  await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: trailBucketPolicy(aws, name, trailArns) }));
}

export type ObjectCount = { count: number; capped: boolean };

/** Object versions and delete markers in a bucket, counted up to `cap`. */
export async function countObjectVersions(aws: Aws, name: string, region: string, cap = 10_000): Promise<ObjectCount> {
  const s3 = aws.s3In(region);
  let count = 0;
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListObjectVersionsCommand({ Bucket: name, KeyMarker: keyMarker, VersionIdMarker: versionMarker, MaxKeys: 1000 }),
    );
    count += (page.Versions?.length ?? 0) + (page.DeleteMarkers?.length ?? 0);
    if (count >= cap) return { count: cap, capped: true };
    if (!page.IsTruncated) return { count, capped: false };
    keyMarker = page.NextKeyMarker;
    versionMarker = page.NextVersionIdMarker;
  }
}

export class ObjectsNotDeleted extends Error {
  constructor(readonly count: number, readonly code: string) {
    super("objects not deleted");
    this.name = "ObjectsNotDeleted";
  }
}

/**
 * Deletes up to 1,000 object versions and delete markers (one page). Returns how many it
 * deleted: 0 means the bucket has no versions left. Re-listing from the start after each
 * delete is what pages past 1,000, since deleted entries no longer appear.
 */
export async function deleteObjectPage(aws: Aws, name: string, region: string): Promise<number> {
  const s3 = aws.s3In(region);
  const page = await s3.send(new ListObjectVersionsCommand({ Bucket: name, MaxKeys: 1000 }));
  const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
    .filter((v) => v.Key !== undefined)
    .map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
  if (objects.length === 0) return 0;
  const out = await s3.send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: objects, Quiet: true } }));
  if (out.Errors?.length) throw new ObjectsNotDeleted(out.Errors.length, out.Errors[0]?.Code ?? "Unknown");
  return objects.length;
}

/** Abandoned multipart uploads keep costing and are invisible to ListObjectVersions. */
export async function abortUploads(aws: Aws, name: string, region: string): Promise<void> {
  const s3 = aws.s3In(region);
  for (;;) {
    const page = await s3.send(new ListMultipartUploadsCommand({ Bucket: name }));
    const uploads = page.Uploads ?? [];
    if (uploads.length === 0) return;
    for (const u of uploads) {
      await s3.send(new AbortMultipartUploadCommand({ Bucket: name, Key: u.Key!, UploadId: u.UploadId! }));
    }
    if (!page.IsTruncated) return;
  }
}

/** DeleteBucket; false when objects arrived meanwhile (a last CloudTrail delivery). */
export async function deleteEmptyBucket(aws: Aws, name: string, region: string): Promise<boolean> {
  try {
    await aws.s3In(region).send(new DeleteBucketCommand({ Bucket: name }));
    return true;
  } catch (error) {
    if (isAwsError(error, "BucketNotEmpty")) return false;
    if (isAwsError(error, "NoSuchBucket", "NotFound")) return true;
    throw error;
  }
}
