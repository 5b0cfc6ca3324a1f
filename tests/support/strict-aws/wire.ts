import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Answer } from "./passthrough";

/**
 * One AWS request as the stand-in sees it: which service, region, caller (access key id)
 * and operation, with its parameters in the shape of the service's wire protocol
 * (IAM and STS: query form; CloudTrail: JSON 1.1; GuardDuty, IAM Access Analyzer: REST-JSON;
 * S3: REST-XML).
 */
export type Call = {
  service: string;
  region: string;
  accessKeyId: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  operation: string;
  /** IAM / STS request parameters. */
  form: URLSearchParams;
  /** CloudTrail / GuardDuty / IAM Access Analyzer request body. */
  json: Record<string, unknown>;
  /** S3: the bucket and key named by the path (path-style addressing). */
  bucket?: string;
  key?: string;
};

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

export function parseCall(req: IncomingMessage, body: Buffer): Call | undefined {
  const m = CREDENTIAL.exec(req.headers.authorization ?? "");
  if (!m) return undefined;
  const [, accessKeyId, region, service] = m;
  const url = new URL(req.url ?? "/", "http://stand-in");
  const text = body.toString("utf8");
  const call: Call = {
    service,
    region,
    accessKeyId,
    method: req.method ?? "GET",
    path: decodeURIComponent(url.pathname),
    query: url.searchParams,
    headers: req.headers,
    body,
    operation: "",
    form: new URLSearchParams(),
    json: {},
  };
  if (service === "iam" || service === "sts") {
    call.form = new URLSearchParams(req.method === "GET" ? url.search : text);
    call.operation = call.form.get("Action") ?? "";
  } else if (service === "cloudtrail") {
    call.operation = String(req.headers["x-amz-target"] ?? "").split(".").pop() ?? "";
    call.json = parseJson(text);
  } else if (service === "guardduty") {
    call.json = parseJson(text);
    call.operation = guardDutyOperation(call.method, call.path);
  } else if (service === "access-analyzer") {
    call.json = parseJson(text);
    call.operation = accessAnalyzerOperation(call.method, call.path);
  } else if (service === "s3") {
    const [, bucket, ...key] = call.path.split("/");
    call.bucket = bucket || undefined;
    call.key = key.length ? key.join("/") : undefined;
    call.operation = s3Operation(call);
  }
  return call;
}

function parseJson(text: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

function guardDutyOperation(method: string, path: string): string {
  if (path === "/detector") return method === "POST" ? "CreateDetector" : "ListDetectors";
  if (/^\/detector\/[^/]+$/.test(path)) return ({ GET: "GetDetector", POST: "UpdateDetector", DELETE: "DeleteDetector" } as Record<string, string>)[method] ?? "";
  if (/^\/detector\/[^/]+\/findings\/create$/.test(path)) return "CreateSampleFindings";
  if (/^\/detector\/[^/]+\/findings\/get$/.test(path)) return "GetFindings";
  if (/^\/detector\/[^/]+\/findings$/.test(path)) return "ListFindings";
  return "";
}

/** The analyzer calls only (the stand-in answers those; see rules/access-analyzer.ts). */
function accessAnalyzerOperation(method: string, path: string): string {
  if (path === "/analyzer") return method === "PUT" ? "CreateAnalyzer" : method === "GET" ? "ListAnalyzers" : "";
  if (/^\/analyzer\/[^/]+$/.test(path)) return ({ GET: "GetAnalyzer", DELETE: "DeleteAnalyzer" } as Record<string, string>)[method] ?? "";
  return "";
}

function s3Operation(call: Call): string {
  if (!call.bucket) return call.method === "GET" ? "ListBuckets" : "";
  if (call.key) return `${call.method}Object`;
  const q = call.query;
  if (q.has("tagging")) return call.method === "GET" ? "GetBucketTagging" : call.method === "PUT" ? "PutBucketTagging" : "DeleteBucketTagging";
  if (q.has("policy")) return call.method === "GET" ? "GetBucketPolicy" : call.method === "PUT" ? "PutBucketPolicy" : "DeleteBucketPolicy";
  if (q.has("location")) return "GetBucketLocation";
  if (call.method === "PUT" && [...q.keys()].every((k) => k === "x-id")) return "CreateBucket";
  if (call.method === "DELETE" && [...q.keys()].every((k) => k === "x-id")) return "DeleteBucket";
  return `${call.method}Bucket`;
}

/** The detector id in a GuardDuty path. */
export const detectorIdOf = (call: Call) => /^\/detector\/([^/]+)/.exec(call.path)?.[1];

// ---- answers ----------------------------------------------------------------------------

const requestId = () => `strict-aws-${Math.random().toString(36).slice(2, 10)}`;

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An AWS error in the wire format of the call's service. */
export function awsError(call: Pick<Call, "service">, status: number, code: string, message: string): Answer {
  switch (call.service) {
    case "iam":
    case "sts": {
      const ns = call.service === "iam" ? "https://iam.amazonaws.com/doc/2010-05-08/" : "https://sts.amazonaws.com/doc/2011-06-15/";
      return xml(
        status,
        `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
      );
    }
    case "s3":
      return xml(status, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${requestId()}</RequestId></Error>`);
    case "cloudtrail":
      return json(status, { __type: code, message }, { "x-amzn-errortype": code, "content-type": "application/x-amz-json-1.1" });
    default:
      return json(status, { __type: code, message }, { "x-amzn-errortype": code });
  }
}

export function xml(status: number, body: string): Answer {
  return { status, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId() }, body: Buffer.from(body) };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "content-type": "application/json", "x-amzn-requestid": requestId(), ...headers }, body: Buffer.from(JSON.stringify(body)) };
}

/** A successful IAM / STS query-protocol answer. */
export function queryOk(service: "iam" | "sts", action: string, result: string): Answer {
  const ns = service === "iam" ? "https://iam.amazonaws.com/doc/2010-05-08/" : "https://sts.amazonaws.com/doc/2011-06-15/";
  return xml(
    200,
    `<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

export { xmlEscape };

/** The text of the first <name> element in an XML answer. */
export const xmlTag = (text: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
/** The text of every <name> element. */
export const xmlTags = (text: string, name: string) => [...text.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((m) => m[1]);

export function answerJson(answer: Answer): Record<string, unknown> {
  try {
    return JSON.parse(answer.body.toString("utf8"));
  } catch {
    return {};
  }
}

export function withJson(answer: Answer, body: unknown): Answer {
  return { ...answer, body: Buffer.from(JSON.stringify(body)) };
}
