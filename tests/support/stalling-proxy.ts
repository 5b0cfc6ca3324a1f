import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * An AWS endpoint that misbehaves in time, in front of a real one (the stricter stand-in):
 * - "pass": requests go through, on kept-alive connections;
 * - "stall": requests are read and never answered, their connections left open: the endpoint
 *   that hangs SDK calls which have no socket timeout (TESTING.md);
 * - "slow": each request is answered, `delayMs` late;
 * - "failing": each request gets a 503 (a retryable error), `delayMs` late.
 */
export type Mode = "pass" | "stall" | "slow" | "failing";

/** One request as AWS sees it: service and Region from the SigV4 scope, and the operation. */
export type Seen = { service: string; region: string; operation: string };

export type StallingProxy = {
  endpoint: string;
  /** Every request so far. */
  seen(): Seen[];
  /** With `only`, requests it does not match go through as in "pass". */
  mode(next: Mode, delayMs?: number, only?: (request: Seen) => boolean): void;
  /** Requests received so far. */
  requests(): number;
  /** Of those, the ones that came on a connection that had served a request before. */
  onReusedConnections(): number;
  /** Stalled requests whose client still holds the connection open. */
  stalledOpen(): number;
  close(): Promise<void>;
};

export async function startStallingProxy(target: string): Promise<StallingProxy> {
  const upstream = new URL(target);
  let current: Mode = "pass";
  let delayMs = 0;
  let only: ((request: Seen) => boolean) | undefined;
  let requests = 0;
  let reused = 0;
  const served = new WeakMap<Socket, number>();
  const stalled = new Set<Socket>();
  const seen: Seen[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      const { connection: _c, "keep-alive": _k, ...headers } = up.headers;
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    out.on("error", () => res.destroy());
    out.end(body);
  };

  const server = createServer((req, res) => {
    requests += 1;
    const socket = req.socket;
    const before = served.get(socket) ?? 0;
    if (before > 0) reused += 1;
    served.set(socket, before + 1);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const call = describe(req, body);
      seen.push(call);
      const mode = only && !only(call) ? "pass" : current;
      if (mode === "stall") {
        stalled.add(socket);
        socket.once("close", () => stalled.delete(socket));
        return;
      }
      const answer = () => {
        if (mode === "failing") {
          res.writeHead(503, { "Content-Type": "text/xml" });
          res.end("<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>try later</Message></Error></ErrorResponse>");
        } else forward(req, res, body);
      };
      if (mode === "slow" || mode === "failing") setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    mode: (next, ms = 0, filter) => {
      current = next;
      delayMs = ms;
      only = filter;
    },
    seen: () => [...seen],
    requests: () => requests,
    onReusedConnections: () => reused,
    stalledOpen: () => [...stalled].filter((s) => !s.destroyed).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const SCOPE = /Credential=[A-Z0-9]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/**
 * Query protocol (IAM, STS): Action in the body; JSON protocol (CloudTrail): X-Amz-Target;
 * REST (S3, GuardDuty): method, path and the query's names ("GET /bucket?tagging").
 */
function describe(req: IncomingMessage, body: Buffer): Seen {
  const scope = SCOPE.exec(String(req.headers.authorization ?? ""));
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body.toString("utf8"))?.[1];
  const target = String(req.headers["x-amz-target"] ?? "").split(".").pop();
  const url = new URL(req.url ?? "/", "http://proxy");
  const query = [...url.searchParams.keys()].join("&");
  const rest = `${req.method} ${url.pathname}${query ? `?${query}` : ""}`;
  return { region: scope?.[1] ?? "?", service: scope?.[2] ?? "?", operation: action ?? (target || rest) };
}
