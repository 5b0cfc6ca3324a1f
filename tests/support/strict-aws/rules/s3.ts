import type { Rule } from "../types";
import { awsError, type Call } from "../wire";

const s3 = (call: Call, ...operations: string[]) => call.service === "s3" && operations.includes(call.operation);

/**
 * A bucket name just deleted is not free at once: S3 answers CreateBucket for it with
 * 409 OperationAborted ("A conflicting conditional operation is currently in progress
 * against this resource") for a while. moto frees the name at once. The window is
 * settings.bucketNameReuseMs.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html
 */
export const bucketNameReuse: Rule = {
  name: "bucket-name-reuse",
  doc: "https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList",
  defaultOn: true,
  applies: (call) => s3(call, "CreateBucket", "DeleteBucket"),
  before(call, ctx) {
    if (call.operation !== "CreateBucket") return undefined;
    const deletedAt = ctx.state(() => new Map<string, number>()).get(call.bucket ?? "");
    if (deletedAt === undefined || ctx.now() - deletedAt >= ctx.settings.bucketNameReuseMs) return undefined;
    return awsError(call, 409, "OperationAborted", "A conflicting conditional operation is currently in progress against this resource. Please try again.");
  },
  after(call, answer, ctx) {
    if (call.operation === "DeleteBucket" && answer.status < 300) ctx.state(() => new Map<string, number>()).set(call.bucket ?? "", ctx.now());
  },
};

type Statement = { Effect?: string; Principal?: unknown; Action?: unknown; Resource?: unknown; Condition?: unknown };
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
const glob = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i").test(value);

/**
 * "An explicit deny in any policy overrides any allows": a bucket policy that denies
 * s3:GetBucketTagging (or s3:GetBucketLocation) to everyone makes S3 answer AccessDenied,
 * even to the owner's administrators. moto evaluates no bucket policy. Only unconditional
 * Deny statements naming everyone ("*") or the caller's account are evaluated.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
 */
export const bucketPolicyDeny: Rule = {
  name: "bucket-policy-deny",
  doc: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html",
  defaultOn: true,
  applies: (call) => s3(call, "GetBucketTagging", "GetBucketLocation"),
  async before(call, ctx) {
    const answer = await ctx.moto.s3(call, `/${encodeURIComponent(call.bucket ?? "")}?policy`);
    if (answer.status !== 200) return undefined;
    const doc = JSON.parse(answer.body.toString("utf8")) as { Statement?: Statement | Statement[] };
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    const { account } = await ctx.identity(call);
    const action = `s3:${call.operation}`;
    const denied = statements.some((s) => {
      if (s.Effect !== "Deny" || s.Condition) return false;
      const principals = s.Principal === "*" ? ["*"] : list((s.Principal as { AWS?: unknown } | undefined)?.AWS);
      if (!principals.some((p) => p === "*" || p === account || p === `arn:aws:iam::${account}:root`)) return false;
      return list(s.Action).some((a) => glob(a, action)) && list(s.Resource).some((r) => glob(r, `arn:aws:s3:::${call.bucket}`));
    });
    return denied ? awsError(call, 403, "AccessDenied", "Access Denied") : undefined;
  },
};
