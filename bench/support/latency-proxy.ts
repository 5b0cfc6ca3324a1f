import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An HTTP forwarder that holds every request for `delayMs` before passing it to `target`:
 * a stand-in for the round trip to a real AWS region, in front of moto_server.
 */
export async function startLatencyProxy(target: string, delayMs: number): Promise<{ endpoint: string; calls: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let calls = 0;
  const server: Server = createServer((req, res) => {
    calls += 1;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      setTimeout(() => {
        const out = request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        out.on("error", () => {
          res.writeHead(502);
          res.end();
        });
        out.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
