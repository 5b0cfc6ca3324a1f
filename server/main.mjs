#!/usr/bin/env node
// Hajime's HTTP server: Next.js behind a front door this process controls.
//
// - The client address and scheme come from the socket, or from X-Forwarded-* only when the
//   peer is a trusted proxy (HAJIME_TRUSTED_PROXIES, see ./forwarded.mjs). Whatever a client
//   sent in those headers is replaced before Next sees the request, so every limit in the
//   app keys on an address the client cannot choose.
// - HSTS on every response served over HTTPS.
// - SIGTERM / SIGINT: stop accepting, tell event streams to reconnect elsewhere-or-later,
//   checkpoint SQLite, exit. (`npm start` runs this under ./supervisor.mjs.)
import { createServer } from "node:http";
import { join } from "node:path";
import next from "next";
import { CLIENT_HEADER, FRONT_DOOR, resolveClient, trustedProxies } from "./forwarded.mjs";
import { runShutdownHooks } from "./hooks.mjs";

const root = new URL("..", import.meta.url).pathname;
const dev = process.argv.includes("--dev");
const host = process.env.HOST || "0.0.0.0";
const port = Number(process.env.PORT || 3000);
const trusted = trustedProxies(process.env.HAJIME_TRUSTED_PROXIES ?? "");

// Headers only this front door may set; anything a client sends under these names is dropped.
const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
  CLIENT_HEADER,
  // Next takes the script nonce from this request header; only proxy.ts may set it.
  "content-security-policy",
  "content-security-policy-report-only",
];
const HSTS = "max-age=31536000; includeSubDomains";

// Tells the app (same process) that CLIENT_HEADER and x-forwarded-proto were set here.
globalThis[FRONT_DOOR] = true;

const app = next({ dev, dir: root, hostname: host === "0.0.0.0" ? "localhost" : host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const forwardedHost = req.headers["x-forwarded-host"];
  const { client, proto, proxied } = resolveClient(
    {
      peer: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      forwardedProto: req.headers["x-forwarded-proto"],
      encrypted: Boolean(req.socket.encrypted),
    },
    trusted,
  );
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  req.headers[CLIENT_HEADER] = client;
  req.headers["x-forwarded-for"] = client;
  req.headers["x-forwarded-proto"] = proto;
  if (proxied && typeof forwardedHost === "string") req.headers["x-forwarded-host"] = forwardedHost.split(",")[0].trim();
  if (proto === "https") res.setHeader("Strict-Transport-Security", HSTS);
  handle(req, res).catch((error) => {
    console.error("request failed:", error?.name ?? "Error");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  });
});
// Slow-loris and oversized-header guards; event streams are long responses, not long requests.
server.headersTimeout = 15_000;
server.requestTimeout = 60_000;
server.keepAliveTimeout = 10_000;
server.maxHeadersCount = 64;
if (dev) server.on("upgrade", app.getUpgradeHandler());

server.listen(port, host, () => {
  console.log(`Hajime listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (pid ${process.pid})`);
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down (event streams told to reconnect, database checkpointed)`);
  server.close();
  // Whatever the hooks do (they talk to the database), the process is gone within 10 s.
  setTimeout(() => process.exit(0), 10_000).unref();
  await runShutdownHooks();
  server.closeIdleConnections();
  // Give in-flight actions a moment; then whatever is left is cut.
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  force.unref();
  server.on("close", () => process.exit(0));
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
