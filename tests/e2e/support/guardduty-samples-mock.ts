/**
 * For the browser tests only: moto has no GuardDuty CreateSampleFindings, ListFindings or
 * GetFindings (it answers 404). This server stands in front of moto for GuardDuty
 * (AWS_ENDPOINT_URL_GUARDDUTY) and answers THOSE THREE CALLS ALONE, with the wire shapes of
 * the GuardDuty API reference (tests/support/guardduty-samples.ts). Every other request,
 * the detector calls included, is passed to moto unchanged.
 *
 * Run: tsx tests/e2e/support/guardduty-samples-mock.ts (PORT, MOTO_ENDPOINT from the env).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { sampleFinding, SAMPLES } from "../../support/guardduty-samples";
import { forwardToMoto, readBody, reply } from "./moto-passthrough";

const port = Number(process.env.PORT);
const moto = process.env.MOTO_ENDPOINT;
if (!port || !moto) throw new Error("PORT and MOTO_ENDPOINT must be set");

type Stored = { id: string; severity: number; wire: unknown };
const findings = new Map<string, Stored[]>(); // by detector id

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

function json(res: ServerResponse, status: number, body: unknown, errorType?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (errorType) headers["x-amzn-errortype"] = errorType;
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

/** The detector as moto knows it (same credentials), or null: it decides the account too. */
async function detector(req: IncomingMessage, id: string): Promise<{ accountId: string; enabled: boolean } | null> {
  const auth = req.headers.authorization;
  const r = await fetch(`${moto}/detector/${encodeURIComponent(id)}`, { headers: auth ? { authorization: auth } : {} });
  if (!r.ok) return null;
  const d = (await r.json()) as { serviceRole?: string; status?: string };
  return { accountId: d.serviceRole?.split(":")[4] ?? "123456789012", enabled: d.status === "ENABLED" };
}

function regionOf(req: IncomingMessage): string {
  return /Credential=[^/]+\/\d+\/([a-z0-9-]+)\//.exec(req.headers.authorization ?? "")?.[1] ?? "us-east-1";
}

async function handle(req: IncomingMessage, res: ServerResponse, detectorId: string, op: "create" | "list" | "get", body: Buffer) {
  const d = await detector(req, detectorId);
  if (!d) return json(res, 400, { message: "The request is rejected because the input detectorId is not owned by the current account." }, "BadRequestException");
  const input = body.length ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
  const stored = findings.get(detectorId) ?? [];
  if (op === "create") {
    const types = (input.findingTypes as string[] | undefined)?.length ? (input.findingTypes as string[]) : Object.keys(SAMPLES);
    for (const type of types) {
      const f = sampleFinding(type, { accountId: d.accountId, region: regionOf(req), detectorId });
      stored.push({ id: f.Id!, severity: f.Severity ?? 0, wire: toWire(f) });
    }
    findings.set(detectorId, stored);
    return json(res, 200, {});
  }
  if (op === "list") {
    const criterion = (input.findingCriteria as { criterion?: Record<string, { equals?: string[] }> } | undefined)?.criterion;
    const samplesOnly = criterion?.["service.additionalInfo.sample"]?.equals?.[0] === "true";
    const all = (samplesOnly || !criterion ? stored : []).slice().sort((a, b) => b.severity - a.severity);
    const start = Number(input.nextToken || 0);
    const max = Number(input.maxResults || 50);
    const next = start + max < all.length ? String(start + max) : "";
    return json(res, 200, { findingIds: all.slice(start, start + max).map((f) => f.id), nextToken: next });
  }
  const ids = (input.findingIds as string[] | undefined) ?? [];
  if (ids.length > 50) return json(res, 400, { message: "findingIds: at most 50" }, "BadRequestException");
  return json(res, 200, { findings: ids.map((id) => stored.find((f) => f.id === id)?.wire).filter(Boolean) });
}

const ROUTES: [RegExp, "create" | "list" | "get"][] = [
  [/^\/detector\/([^/]+)\/findings\/create$/, "create"],
  [/^\/detector\/([^/]+)\/findings\/get$/, "get"],
  [/^\/detector\/([^/]+)\/findings$/, "list"],
];

createServer(async (req, res) => {
  try {
    const body = await readBody(req);
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "POST") {
      for (const [re, op] of ROUTES) {
        const m = re.exec(path);
        if (m) return await handle(req, res, decodeURIComponent(m[1]), op, body);
      }
    }
    reply(res, await forwardToMoto(moto!, req, body));
  } catch {
    json(res, 500, { message: "mock error" }, "InternalServerErrorException");
  }
}).listen(port, "127.0.0.1");
