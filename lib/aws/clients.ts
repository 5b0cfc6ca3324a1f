import "server-only";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { AwsKeys } from "@/lib/credentials/vault";
import { tagOperation } from "./errors";

/**
 * SDK clients for one attendee, built from their in-memory keys. The endpoint comes from
 * AWS_ENDPOINT_URL when set (moto_server for rehearsals and tests): the SDK reads it itself.
 */

export type AwsTarget = {
  keys: AwsKeys;
  region: string;
  accountId: string;
  partition?: string;
};

export type Aws = {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly s3: S3Client;
  readonly cloudtrail: CloudTrailClient;
  readonly guardduty: GuardDutyClient;
  /** S3 client for a bucket that lives in another region than the session's. */
  s3In(region: string): S3Client;
  /** CloudTrail client for a trail's home region (trails are managed from there). */
  cloudtrailIn(region: string): CloudTrailClient;
  /** GuardDuty client for another region (detectors are regional). */
  guarddutyIn(region: string): GuardDutyClient;
};

// One keep-alive socket pool for every attendee's clients: sockets carry no credentials
// (each request is signed on its own), and reusing them saves a TLS handshake per call.
const HANDLER_KEY = Symbol.for("hajime.aws.requestHandler");
const g = globalThis as unknown as Record<symbol, NodeHttpHandler | undefined>;
const requestHandler: NodeHttpHandler = (g[HANDLER_KEY] ??= new NodeHttpHandler({
  httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
  connectionTimeout: 5_000,
  requestTimeout: 30_000,
}));

function baseConfig(target: AwsTarget, region: string) {
  return {
    region,
    credentials: {
      accessKeyId: target.keys.accessKeyId,
      secretAccessKey: target.keys.secretAccessKey,
      sessionToken: target.keys.sessionToken,
    },
    maxAttempts: 5,
    retryMode: "standard" as const,
    requestHandler,
  };
}

function instrument<T extends { middlewareStack: { add: (...a: never[]) => void } }>(client: T): T {
  tagOperation(client as never);
  return client;
}

export function createAws(target: AwsTarget): Aws {
  const endpointOverride = Boolean(process.env.AWS_ENDPOINT_URL || process.env.AWS_ENDPOINT_URL_S3);
  const cache = new Map<string, unknown>();
  const lazy = <T>(key: string, make: () => T): T => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
  const s3In = (region: string) =>
    lazy(`s3:${region}`, () =>
      instrument(new S3Client({ ...baseConfig(target, region), forcePathStyle: endpointOverride })),
    );
  const cloudtrailIn = (region: string) =>
    lazy(`cloudtrail:${region}`, () => instrument(new CloudTrailClient(baseConfig(target, region))));
  const guarddutyIn = (region: string) =>
    lazy(`guardduty:${region}`, () => instrument(new GuardDutyClient(baseConfig(target, region))));
  return {
    region: target.region,
    accountId: target.accountId,
    partition: target.partition ?? "aws",
    // IAM is global; its endpoint is in us-east-1.
    get iam() {
      return lazy("iam", () => instrument(new IAMClient(baseConfig(target, "us-east-1"))));
    },
    get sts() {
      return lazy("sts", () => instrument(new STSClient(baseConfig(target, target.region))));
    },
    get s3() {
      return s3In(target.region);
    },
    get cloudtrail() {
      return cloudtrailIn(target.region);
    },
    get guardduty() {
      return guarddutyIn(target.region);
    },
    s3In,
    cloudtrailIn,
    guarddutyIn,
  };
}
