import { sampleFinding, SAMPLES } from "../../guardduty-samples";
import type { Rule } from "../types";
import { answerJson, awsError, detectorIdOf, json, withJson, type Call } from "../wire";

const gd = (call: Call, ...operations: string[]) => call.service === "guardduty" && operations.includes(call.operation);

/**
 * "You can have only one detector per account per Region": CreateDetector in a Region that
 * has one answers BadRequestException. moto makes a second.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html
 */
export const oneDetectorPerRegion: Rule = {
  name: "one-detector-per-region",
  doc: "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html",
  defaultOn: true,
  applies: (call) => gd(call, "CreateDetector"),
  async before(call, ctx) {
    const listed = await ctx.moto.guardduty(call, call.region, "/detector");
    if (((listed?.detectorIds as unknown[]) ?? []).length === 0) return undefined;
    return awsError(call, 400, "BadRequestException", "The request is rejected because a detector already exists for the current account.");
  },
};

const OPTIONAL_FEATURES = ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING"];
type Feature = { name: string; status: string };

/**
 * CreateDetector's protection plans: "When you don't specify any features, with an
 * exception to RUNTIME_MONITORING, all the optional features are enabled by default. When
 * you specify some of the features, any feature that is not specified in the API call gets
 * enabled by default, with an exception to RUNTIME_MONITORING." GetDetector then lists
 * every feature with its status; moto lists only the features the request named.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html
 */
export const detectorDefaultFeatures: Rule = {
  name: "detector-default-features",
  doc: "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html",
  defaultOn: true,
  applies: (call) => gd(call, "CreateDetector", "UpdateDetector", "GetDetector"),
  before(call) {
    const asked = ((call.json.features as Feature[] | undefined) ?? []).map((f) => f.name);
    if (asked.includes("EKS_RUNTIME_MONITORING") && asked.includes("RUNTIME_MONITORING")) {
      return awsError(call, 400, "BadRequestException", "Specifying both EKS_RUNTIME_MONITORING and RUNTIME_MONITORING is not allowed.");
    }
    return undefined;
  },
  after(call, answer, ctx) {
    if (answer.status !== 200) return;
    const features = ctx.state(() => new Map<string, Map<string, string>>());
    const asked = (call.json.features as Feature[] | undefined) ?? [];
    if (call.operation === "CreateDetector") {
      const id = String(answerJson(answer).detectorId ?? "");
      const set = new Map(OPTIONAL_FEATURES.map((name) => [name, name === "RUNTIME_MONITORING" ? "DISABLED" : "ENABLED"]));
      for (const f of asked) set.set(f.name === "EKS_RUNTIME_MONITORING" ? "RUNTIME_MONITORING" : f.name, f.status);
      features.set(id, set);
      return;
    }
    const id = detectorIdOf(call) ?? "";
    const set = features.get(id);
    if (!set) return;
    if (call.operation === "UpdateDetector") {
      for (const f of asked) set.set(f.name, f.status);
      return;
    }
    const body = answerJson(answer);
    return withJson(answer, { ...body, features: [...set].map(([name, status]) => ({ name, status })) });
  },
};

type Stored = { id: string; severity: number; wire: unknown };

/** SDK shape → wire shape: keys start lower case; timestamps are epoch seconds. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k[0].toLowerCase() + k.slice(1), toWire(v)]),
    );
  }
  return value;
}

/**
 * moto has no CreateSampleFindings, ListFindings or GetFindings (it answers 404): a stand-in
 * for THOSE THREE CALLS, with the wire shapes of the GuardDuty API reference
 * (tests/support/guardduty-samples.ts), for detectors moto knows.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateSampleFindings.html
 */
export const guardDutySampleFindings: Rule = {
  name: "guardduty-sample-findings",
  doc: "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateSampleFindings.html",
  defaultOn: true,
  applies: (call) => gd(call, "CreateSampleFindings", "ListFindings", "GetFindings"),
  async before(call, ctx) {
    const detectorId = detectorIdOf(call) ?? "";
    const detector = await ctx.moto.guardduty(call, call.region, `/detector/${encodeURIComponent(detectorId)}`);
    if (!detector) {
      return awsError(call, 400, "BadRequestException", "The request is rejected because the input detectorId is not owned by the current account.");
    }
    const all = ctx.state(() => new Map<string, Stored[]>());
    const stored = all.get(detectorId) ?? [];
    const input = call.json;
    if (call.operation === "CreateSampleFindings") {
      const { account } = await ctx.identity(call);
      const types = (input.findingTypes as string[] | undefined)?.length ? (input.findingTypes as string[]) : Object.keys(SAMPLES);
      for (const type of types) {
        const f = sampleFinding(type, { accountId: account, region: call.region, detectorId });
        stored.push({ id: f.Id!, severity: f.Severity ?? 0, wire: toWire(f) });
      }
      all.set(detectorId, stored);
      return json(200, {});
    }
    if (call.operation === "ListFindings") {
      const criterion = (input.findingCriteria as { criterion?: Record<string, { equals?: string[] }> } | undefined)?.criterion;
      const samplesOnly = criterion?.["service.additionalInfo.sample"]?.equals?.[0] === "true";
      const found = (samplesOnly || !criterion ? stored : []).slice().sort((a, b) => b.severity - a.severity);
      const start = Number(input.nextToken || 0);
      const max = Number(input.maxResults || 50);
      const next = start + max < found.length ? String(start + max) : "";
      return json(200, { findingIds: found.slice(start, start + max).map((f) => f.id), nextToken: next });
    }
    const ids = (input.findingIds as string[] | undefined) ?? [];
    if (ids.length > 50) return awsError(call, 400, "BadRequestException", "findingIds: at most 50");
    return json(200, { findings: ids.map((id) => stored.find((f) => f.id === id)?.wire).filter(Boolean) });
  },
};
