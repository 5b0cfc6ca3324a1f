import type { Ctx, OrganizationTrailFixture, Rule } from "../types";
import { answerJson, awsError, json, withJson, type Call } from "../wire";

const ct = (call: Call, ...operations: string[]) => call.service === "cloudtrail" && operations.includes(call.operation);
const str = (v: unknown) => (typeof v === "string" ? v : "");
/** "name" or "arn:aws:cloudtrail:region:account:trail/name" → name. */
const trailName = (nameOrArn: string) => (nameOrArn.startsWith("arn:") ? nameOrArn.split(":trail/").pop() ?? nameOrArn : nameOrArn);

async function trailsIn(call: Call, ctx: Ctx, region: string): Promise<Record<string, unknown>[]> {
  const out = await ctx.moto.cloudtrail(call, region, "DescribeTrails", { includeShadowTrails: false });
  return ((out?.trailList as Record<string, unknown>[]) ?? []).filter((t) => (str(t.HomeRegion) || region) === region);
}

/**
 * CreateTrail refuses a name the account already uses in the Region
 * (TrailAlreadyExistsException; moto silently replaces the trail) and a sixth trail in one
 * Region ("Trails per Region: 5", MaximumNumberOfTrailsExceededException).
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html
 */
export const trailLimits: Rule = {
  name: "trail-limits",
  doc: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html",
  defaultOn: true,
  applies: (call) => ct(call, "CreateTrail"),
  async before(call, ctx) {
    const existing = await trailsIn(call, ctx, call.region);
    const name = str(call.json.Name);
    const { account } = await ctx.identity(call);
    if (existing.some((t) => t.Name === name)) {
      return awsError(call, 400, "TrailAlreadyExistsException", `Trail ${name} already exists for customer: ${account}`);
    }
    if (existing.length >= 5) {
      return awsError(call, 400, "MaximumNumberOfTrailsExceededException", `User: ${account} already has 5 trails in ${call.region}.`);
    }
    return undefined;
  },
};

type Statement = { Effect?: string; Principal?: unknown; Action?: unknown; Resource?: unknown; Condition?: Record<string, Record<string, unknown>> };

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
const glob = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(value);

/**
 * CreateTrail (and UpdateTrail naming a bucket) checks that the bucket policy lets
 * cloudtrail.amazonaws.com call s3:GetBucketAcl on the bucket and s3:PutObject under
 * [prefix/]AWSLogs/<account id>/, within any aws:SourceArn / aws:SourceAccount condition;
 * otherwise InsufficientS3BucketPolicyException. moto checks no policy.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html
 */
export const trailBucketPolicy: Rule = {
  name: "trail-bucket-policy",
  doc: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
  defaultOn: true,
  applies: (call) => ct(call, "CreateTrail", "UpdateTrail") && Boolean(call.json.S3BucketName),
  async before(call, ctx) {
    const bucket = str(call.json.S3BucketName);
    const answer = await ctx.moto.s3(call, `/${encodeURIComponent(bucket)}?policy`);
    const text = answer.body.toString("utf8");
    if (answer.status === 404 && /NoSuchBucket</.test(text)) return undefined; // moto answers S3BucketDoesNotExistException
    const { account } = await ctx.identity(call);
    const nameOrArn = str(call.json.Name);
    const region = nameOrArn.startsWith("arn:") ? nameOrArn.split(":")[3] : call.region;
    const trailArn = `arn:aws:cloudtrail:${region}:${account}:trail/${trailName(nameOrArn)}`;
    const prefix = str(call.json.S3KeyPrefix);
    let statements: Statement[] = [];
    if (answer.status === 200) {
      const doc = JSON.parse(text) as { Statement?: Statement | Statement[] };
      statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    }
    const allows = (action: string, resource: string) =>
      statements.some((s) => {
        if (s.Effect !== "Allow") return false;
        const principal = s.Principal as { Service?: unknown } | string | undefined;
        const services = typeof principal === "object" ? list(principal?.Service) : [];
        if (!services.includes("cloudtrail.amazonaws.com")) return false;
        if (!list(s.Action).some((a) => glob(a.toLowerCase(), action.toLowerCase()))) return false;
        if (!list(s.Resource).some((r) => glob(r, resource))) return false;
        for (const [, conditions] of Object.entries(s.Condition ?? {})) {
          for (const [key, values] of Object.entries(conditions)) {
            const wanted = list(values);
            if (key === "aws:SourceArn" && !wanted.some((w) => glob(w, trailArn))) return false;
            if (key === "aws:SourceAccount" && !wanted.includes(account)) return false;
            if (key === "s3:x-amz-acl" && !wanted.includes("bucket-owner-full-control")) return false;
          }
        }
        return true;
      });
    const keyPrefix = prefix ? `${prefix}/` : "";
    const ok =
      allows("s3:GetBucketAcl", `arn:aws:s3:::${bucket}`) &&
      allows("s3:PutObject", `arn:aws:s3:::${bucket}/${keyPrefix}AWSLogs/${account}/CloudTrail/ap-northeast-1/2026/01/01/file.json.gz`);
    return ok ? undefined : awsError(call, 400, "InsufficientS3BucketPolicyException", `Incorrect S3 bucket policy is detected for bucket: ${bucket}`);
  },
};

const DEFAULT_SELECTORS = [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }];

/**
 * A trail records every management event, read and write, until told otherwise
 * ("By default, trails ... log all management events"): GetEventSelectors on a new trail
 * returns that default selector; moto returns none. A trail has either classic or
 * advanced selectors ("You can use either AdvancedEventSelectors or EventSelectors, but
 * not both"); moto keeps both.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html
 */
export const eventSelectorDefaults: Rule = {
  name: "event-selector-defaults",
  doc: "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html",
  defaultOn: true,
  applies: (call) => ct(call, "PutEventSelectors", "GetEventSelectors", "DeleteTrail"),
  async before(call, ctx) {
    const { account } = await ctx.identity(call);
    const kinds = ctx.state(() => new Map<string, "classic" | "advanced">());
    const key = `${account}/${trailName(str(call.json.TrailName ?? call.json.Name))}`;
    if (call.operation === "PutEventSelectors") kinds.set(key, call.json.AdvancedEventSelectors ? "advanced" : "classic");
    if (call.operation === "DeleteTrail") kinds.delete(key);
    return undefined;
  },
  async after(call, answer, ctx) {
    if (call.operation !== "GetEventSelectors" || answer.status !== 200) return;
    const { account } = await ctx.identity(call);
    const kind = ctx.state(() => new Map<string, "classic" | "advanced">()).get(`${account}/${trailName(str(call.json.TrailName))}`);
    const body = answerJson(answer);
    const classic = (body.EventSelectors as unknown[] | undefined) ?? [];
    const advanced = (body.AdvancedEventSelectors as unknown[] | undefined) ?? [];
    if (classic.length === 0 && advanced.length === 0) return withJson(answer, { TrailARN: body.TrailARN, EventSelectors: DEFAULT_SELECTORS });
    if (kind === "classic") return withJson(answer, { TrailARN: body.TrailARN, EventSelectors: classic });
    if (kind === "advanced") return withJson(answer, { TrailARN: body.TrailARN, AdvancedEventSelectors: advanced });
  },
};

const fixtureArn = (f: OrganizationTrailFixture) => `arn:aws:cloudtrail:${f.homeRegion}:${f.managementAccount}:trail/${f.name}`;

/**
 * An organization trail, seen from a member account: DescribeTrails lists it (with shadow
 * trails included, the default) under the management account's ARN; the member cannot
 * change it, and reads it by its full ARN. moto has no AWS Organizations trails, so an
 * account configured with `organizationTrail` sees this one; what GetTrailStatus and
 * GetEventSelectors answer for it is configurable, including an error.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
 */
export const organizationTrail: Rule = {
  name: "organization-trail",
  doc: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html",
  defaultOn: true,
  applies: (call) => ct(call, "DescribeTrails", "GetTrailStatus", "GetEventSelectors", "UpdateTrail", "StartLogging", "StopLogging", "DeleteTrail"),
  async before(call, ctx) {
    const fixture = ctx.options((await ctx.identity(call)).account).organizationTrail;
    if (!fixture || call.operation === "DescribeTrails") return undefined;
    const named = str(call.json.Name ?? call.json.TrailName);
    if (named !== fixtureArn(fixture)) return undefined;
    const denied = () => awsError(call, 400, "AccessDeniedException", "You do not have sufficient access to perform this action.");
    switch (call.operation) {
      case "GetTrailStatus":
        return fixture.status === "unreadable" ? denied() : json(200, { IsLogging: fixture.status === "logging" });
      case "GetEventSelectors":
        if (fixture.selectors === "unreadable") return denied();
        return json(200, {
          TrailARN: named,
          EventSelectors: fixture.selectors === "all" ? DEFAULT_SELECTORS : [{ ReadWriteType: "WriteOnly", IncludeManagementEvents: true, DataResources: [] }],
        });
      default:
        // "Member accounts can see the organization trail, but can't modify or delete it."
        return awsError(call, 400, "OperationNotPermittedException", "This operation is not permitted on an organization trail from a member account.");
    }
  },
  async after(call, answer, ctx) {
    if (call.operation !== "DescribeTrails" || answer.status !== 200 || call.json.includeShadowTrails === false) return;
    const fixture = ctx.options((await ctx.identity(call)).account).organizationTrail;
    if (!fixture) return;
    const body = answerJson(answer);
    const trails = (body.trailList as unknown[] | undefined) ?? [];
    trails.push({
      Name: fixture.name,
      S3BucketName: fixture.bucket,
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: true,
      HomeRegion: fixture.homeRegion,
      TrailARN: fixtureArn(fixture),
      LogFileValidationEnabled: true,
      HasCustomEventSelectors: fixture.selectors !== "all",
      HasInsightSelectors: false,
      IsOrganizationTrail: true,
    });
    return withJson(answer, { ...body, trailList: trails });
  },
};

/**
 * ListTags takes up to 20 trail ARNs in one request, and one ARN the caller may not read
 * fails the whole request. moto answers empty tags for any ARN, even another account's;
 * the stand-in answers OperationNotPermittedException (an error the ListTags reference
 * lists) for a trail owned by another account, such as an organization trail.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListTags.html
 */
export const listTagsForeignTrail: Rule = {
  name: "list-tags-foreign-trail",
  doc: "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListTags.html",
  defaultOn: true,
  applies: (call) => ct(call, "ListTags"),
  async before(call, ctx) {
    const { account } = await ctx.identity(call);
    const foreign = list(call.json.ResourceIdList).find((arn) => arn.split(":")[4] !== account);
    return foreign ? awsError(call, 400, "OperationNotPermittedException", `The operation is not permitted on ${foreign}.`) : undefined;
  },
};
