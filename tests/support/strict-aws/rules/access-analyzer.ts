import type { Rule } from "../types";
import { awsError, json, type Call } from "../wire";

/** An analyzer as ListAnalyzers / GetAnalyzer answer it (AnalyzerSummary, wire shape). */
type Analyzer = { arn: string; name: string; type: string; createdAt: string; status: "ACTIVE"; tags: Record<string, string> };

const OPERATIONS = ["CreateAnalyzer", "ListAnalyzers", "GetAnalyzer", "DeleteAnalyzer"];
const TYPES = ["ACCOUNT", "ORGANIZATION", "ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS", "ACCOUNT_INTERNAL_ACCESS", "ORGANIZATION_INTERNAL_ACCESS"];
const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,254}$/;

const analyzerNameOf = (call: Call) => /^\/analyzer\/([^/]+)$/.exec(call.path)?.[1];

/**
 * moto 5.2.1 has no IAM Access Analyzer (it answers 404): a stand-in for THESE FOUR CALLS
 * alone (CreateAnalyzer, ListAnalyzers, GetAnalyzer, DeleteAnalyzer), with the wire shapes
 * of the API reference, per account and Region. What AWS enforces and Hajime relies on:
 * names are unique in a Region (ConflictException); "if your account is not the AWS
 * Organizations management account or delegated administrator account, you can create
 * only one analyzer with your account as the zone of trust" (ServiceQuotaExceededException);
 * a missing analyzer is ResourceNotFoundException. No findings, no archive rules.
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CreateAnalyzer.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-external.html
 */
export const accessAnalyzerAnalyzers: Rule = {
  name: "access-analyzer-analyzers",
  doc: "https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CreateAnalyzer.html",
  defaultOn: true,
  applies: (call) => call.service === "access-analyzer" && OPERATIONS.includes(call.operation),
  async before(call, ctx) {
    const { account } = await ctx.identity(call);
    const all = ctx.state(() => new Map<string, Map<string, Analyzer>>());
    const key = `${account}:${call.region}`;
    const here = all.get(key) ?? new Map<string, Analyzer>();
    all.set(key, here);

    if (call.operation === "CreateAnalyzer") {
      const name = String(call.json.analyzerName ?? "");
      const type = String(call.json.type ?? "");
      if (!NAME.test(name)) return awsError(call, 400, "ValidationException", "analyzerName: invalid");
      if (!TYPES.includes(type)) return awsError(call, 400, "ValidationException", "type: invalid");
      if (here.has(name)) return awsError(call, 409, "ConflictException", `Analyzer ${name} already exists.`);
      if (type === "ACCOUNT" && [...here.values()].some((a) => a.type === "ACCOUNT")) {
        return awsError(call, 402, "ServiceQuotaExceededException", "You can create only one analyzer with your account as the zone of trust.");
      }
      const arn = `arn:aws:access-analyzer:${call.region}:${account}:analyzer/${name}`;
      const tags = (call.json.tags as Record<string, string> | undefined) ?? {};
      here.set(name, { arn, name, type, createdAt: new Date().toISOString(), status: "ACTIVE", tags });
      return json(200, { arn });
    }
    if (call.operation === "ListAnalyzers") {
      const type = call.query.get("type");
      const found = [...here.values()].filter((a) => !type || a.type === type).sort((a, b) => a.name.localeCompare(b.name));
      const start = Number(call.query.get("nextToken") || 0);
      const max = Number(call.query.get("maxResults") || 100);
      const next = start + max < found.length ? String(start + max) : undefined;
      return json(200, { analyzers: found.slice(start, start + max), ...(next ? { nextToken: next } : {}) });
    }
    const name = analyzerNameOf(call) ?? "";
    const analyzer = here.get(name);
    if (!analyzer) return awsError(call, 404, "ResourceNotFoundException", `Analyzer ${name} not found.`);
    if (call.operation === "GetAnalyzer") return json(200, { analyzer });
    here.delete(name);
    return json(200, {});
  },
};
