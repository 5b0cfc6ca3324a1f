import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An HTTP forwarder that holds every request for `delayMs` before passing it to `target`:
 * a stand-in for the round trip to a real AWS region, in front of moto_server.
 *
 * It counts what passes, by AWS service and by access key id (both read from the SigV4
 * Authorization header's credential scope), and can freeze: while frozen, requests are
 * accepted on their open keep-alive connections and never answered, as an AWS endpoint
 * that stalls; once thawed, those still waiting are passed on.
 */
export type LatencyProxy = {
  endpoint: string;
  /** Requests received so far. */
  calls: () => number;
  /** Requests received so far, by service ("iam", "guardduty", …). */
  byService: () => Record<string, number>;
  /** Requests signed with this access key id so far. */
  callsBy: (accessKeyId: string) => number;
  /** Stop answering (requests wait, connections stay open) until `thaw`. */
  freeze: () => void;
  thaw: () => void;
  /** Requests waiting now because of a freeze. */
  held: () => number;
  close: () => Promise<void>;
};

const SCOPE = /Credential=([A-Z0-9]+)\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request/;

export async function startLatencyProxy(target: string, delayMs: number): Promise<LatencyProxy> {
  const upstream = new URL(target);
  let calls = 0;
  const services = new Map<string, number>();
  const keys = new Map<string, number>();
  let frozen = false;
  let waiting: (() => void)[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (res.destroyed || req.socket.destroyed) return;
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        // Hop-by-hop headers stay on their hop: moto answers "Connection: close", and passing
        // that on would make the app open a new connection per AWS request, as real AWS does not.
        const { connection: _c, "keep-alive": _k, ...headers } = up.headers;
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    out.on("error", () => {
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(502);
        res.end();
      }
    });
    out.end(body);
  };

  const server: Server = createServer((req, res) => {
    calls += 1;
    const scope = SCOPE.exec(String(req.headers.authorization ?? ""));
    if (scope) {
      keys.set(scope[1], (keys.get(scope[1]) ?? 0) + 1);
      services.set(scope[2], (services.get(scope[2]) ?? 0) + 1);
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      setTimeout(() => {
        const go = () => forward(req, res, Buffer.concat(chunks));
        if (frozen) waiting.push(go);
        else go();
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  // A frozen endpoint must not be cut short by Node's own request timeout.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => calls,
    byService: () => Object.fromEntries(services),
    callsBy: (accessKeyId) => keys.get(accessKeyId) ?? 0,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      const go = waiting;
      waiting = [];
      for (const f of go) f();
    },
    held: () => waiting.length,
    close: () =>
      new Promise<void>((resolve) => {
        waiting = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
