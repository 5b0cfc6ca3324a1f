import { forwardToMoto, type Answer } from "./passthrough";
import type { Call } from "./wire";

/**
 * Reads the stand-in makes from moto on behalf of a caller, to know the account's state
 * (its trails, detectors, bucket policy…). moto does not verify signatures: a request
 * naming the caller's access key id in its credential scope acts in the caller's account.
 */
export class MotoReader {
  constructor(readonly endpoint: string) {}

  private auth(accessKeyId: string, region: string, service: string): string {
    return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
  }

  /** An IAM or STS query call. */
  query(call: Pick<Call, "accessKeyId">, service: "iam" | "sts", action: string, params: Record<string, string> = {}): Promise<Answer> {
    const version = service === "iam" ? "2010-05-08" : "2011-06-15";
    const body = new URLSearchParams({ Action: action, Version: version, ...params }).toString();
    return forwardToMoto(
      this.endpoint,
      {
        method: "POST",
        url: "/",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", authorization: this.auth(call.accessKeyId, "us-east-1", service) },
      },
      Buffer.from(body),
    );
  }

  /** A CloudTrail JSON 1.1 call in the given region. */
  async cloudtrail(call: Pick<Call, "accessKeyId">, region: string, operation: string, input: unknown): Promise<Record<string, unknown> | undefined> {
    const answer = await forwardToMoto(
      this.endpoint,
      {
        method: "POST",
        url: "/",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.${operation}`,
          authorization: this.auth(call.accessKeyId, region, "cloudtrail"),
        },
      },
      Buffer.from(JSON.stringify(input)),
    );
    if (answer.status !== 200) return undefined;
    return JSON.parse(answer.body.toString("utf8"));
  }

  /** A GuardDuty REST-JSON GET in the given region. */
  async guardduty(call: Pick<Call, "accessKeyId">, region: string, path: string): Promise<Record<string, unknown> | undefined> {
    const answer = await forwardToMoto(this.endpoint, { method: "GET", url: path, headers: { authorization: this.auth(call.accessKeyId, region, "guardduty") } }, Buffer.alloc(0));
    if (answer.status !== 200) return undefined;
    return JSON.parse(answer.body.toString("utf8"));
  }

  /** An S3 GET (path-style) as the caller. */
  s3(call: Pick<Call, "accessKeyId">, path: string): Promise<Answer> {
    return forwardToMoto(this.endpoint, { method: "GET", url: path, headers: { authorization: this.auth(call.accessKeyId, "us-east-1", "s3") } }, Buffer.alloc(0));
  }
}
