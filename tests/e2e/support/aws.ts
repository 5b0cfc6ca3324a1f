import { CloudTrailClient, CreateTrailCommand, DescribeTrailsCommand, GetTrailStatusCommand, StartLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { CreateDetectorCommand, GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { CreateBucketCommand, GetBucketTaggingCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { AttendeeKeys } from "../../support/moto";
import { motoEndpoint } from "./attendee";

/** IAM on moto for the attendee's account, to set it up or confirm what the page says. */
export function iamFor(keys: AttendeeKeys): IAMClient {
  return new IAMClient({ region: "us-east-1", endpoint: motoEndpoint(), credentials: keys });
}

/** Plain SDK clients on moto, for setting up and inspecting an attendee's account from a test. */
export function sdk(keys: AttendeeKeys, region = "ap-northeast-1") {
  const config = {
    region,
    endpoint: motoEndpoint(),
    credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken },
  };
  return {
    s3: new S3Client({ ...config, forcePathStyle: true }),
    cloudtrail: new CloudTrailClient(config),
    guardduty: new GuardDutyClient(config),
  };
}

/** What an attendee had before the hands-on: a one-region trail into their own bucket, GuardDuty in Oregon. */
export async function givenExistingResources(keys: AttendeeKeys) {
  const tokyo = sdk(keys);
  const bucket = `attendee-logs-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await tokyo.s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
  await tokyo.s3.send(new PutObjectCommand({ Bucket: bucket, Key: "AWSLogs/keep.json", Body: "{}" }));
  await tokyo.cloudtrail.send(new CreateTrailCommand({ Name: "company-audit", S3BucketName: bucket }));
  await tokyo.cloudtrail.send(new StartLoggingCommand({ Name: "company-audit" }));
  const { DetectorId } = await sdk(keys, "us-west-2").guardduty.send(new CreateDetectorCommand({ Enable: true }));
  return { bucket, trail: "company-audit", detector: DetectorId! };
}

/** A bucket name another account already holds. */
export async function takenBucketName(other: AttendeeKeys): Promise<string> {
  const name = `taken-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await sdk(other).s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
  return name;
}

/** Everything in the account, as moto holds it after the run. */
export async function accountState(keys: AttendeeKeys) {
  const tokyo = sdk(keys);
  const trails = (await tokyo.cloudtrail.send(new DescribeTrailsCommand({}))).trailList ?? [];
  const buckets = ((await tokyo.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!);
  const taggedBuckets: string[] = [];
  for (const b of buckets) {
    const tags = await tokyo.s3.send(new GetBucketTaggingCommand({ Bucket: b })).then((o) => o.TagSet ?? [], () => []);
    if (tags.some((t) => t.Key === "hajime:created-by")) taggedBuckets.push(b);
  }
  const detectors: Record<string, { id: string; status?: string; tagged: boolean }[]> = {};
  for (const region of ["ap-northeast-1", "us-west-2"]) {
    const gd = sdk(keys, region).guardduty;
    const ids = (await gd.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
    detectors[region] = await Promise.all(
      ids.map(async (id) => {
        const d = await gd.send(new GetDetectorCommand({ DetectorId: id }));
        return { id, status: d.Status, tagged: Boolean(d.Tags?.["hajime:created-by"]) };
      }),
    );
  }
  const logging = async (name: string) => (await tokyo.cloudtrail.send(new GetTrailStatusCommand({ Name: name }))).IsLogging;
  const objects = async (bucket: string) =>
    ((await tokyo.s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key);
  return { trails: trails.map((t) => t.Name!), buckets, taggedBuckets, detectors, logging, objects };
}
