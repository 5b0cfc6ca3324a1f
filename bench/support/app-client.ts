/**
 * A browser-like client for benchmarks: a cookie jar, server actions called as React's
 * client calls them (encodeReply, POST with Next-Action), event streams, and an optional
 * local address to send from (127.0.0.x: each a different "client" to the server), over
 * plain node:http so that nothing pools or hides connections.
 */
import { Agent, request, type IncomingMessage } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// React's production encoder, as the browser build uses.
Object.assign(process.env, { NODE_ENV: "production" });
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const root = new URL("../..", import.meta.url).pathname;

/** Server action ids of a build, by file and exported name. */
export function actionIds(dist: string) {
  const manifest = JSON.parse(readFileSync(join(root, dist, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return (file: string, name: string): string => {
    const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
    if (!found) throw new Error(`no server action ${file}#${name} in the build`);
    return found[0];
  };
}

/** The server actions the benches call, by name, with their ids in the build in `dist`. */
export function appActions(dist: string) {
  const id = actionIds(dist);
  return {
    signIn: id("lib/credentials/actions.ts", "signIn"),
    createRoom: id("lib/rooms/actions.ts", "createRoom"),
    joinRoom: id("lib/rooms/actions.ts", "joinRoom"),
    claimOrganizer: id("lib/rooms/actions.ts", "claimOrganizer"),
    checkAll: id("lib/aws/actions.ts", "checkAll"),
    checkStep: id("lib/aws/actions.ts", "checkStep"),
    fixStep: id("lib/aws/actions.ts", "fixStep"),
  };
}

export type Answer = { status: number; headers: IncomingMessage["headers"]; text: string };

export function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string; localAddress?: string; agent?: Agent },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.localAddress, agent: opts.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

export function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

export class AppClient {
  readonly cookies = new Map<string, string>();
  /** With `keepAlive`, the client's own connections stay open between calls, as a browser's do. */
  private readonly agent?: Agent;
  constructor(
    readonly base: string,
    readonly localAddress?: string,
    /** Extra headers on every request (e.g. a forged X-Forwarded-For). */
    readonly extraHeaders: () => Record<string, string> = () => ({}),
    options: { keepAlive?: boolean } = {},
  ) {
    if (options.keepAlive) this.agent = new Agent({ keepAlive: true, maxSockets: 6 });
  }

  /** Closes the connections kept open (keepAlive). */
  close(): void {
    this.agent?.destroy();
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Answer) {
    const set = res.headers["set-cookie"] ?? [];
    for (const c of set) {
      const [pair, ...attrs] = c.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (attrs.some((a) => /max-age=0|expires=Thu, 01 Jan 1970/i.test(a)) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await send(`${this.base}${path}`, { headers: { Cookie: this.cookieHeader(), ...this.extraHeaders(), ...headers }, localAddress: this.localAddress, agent: this.agent });
    this.keep(res);
    return res;
  }

  /** Calls a server action as React's client does; the answer's text (the RSC payload). */
  async action(page: string, id: string, args: unknown[]): Promise<Answer> {
    const encoded = await encodeReply(args);
    let body: Buffer | string = encoded as string;
    const headers: Record<string, string> = {
      Accept: "text/x-component",
      "Next-Action": id,
      Origin: this.base,
      Cookie: this.cookieHeader(),
      ...this.extraHeaders(),
    };
    if (typeof encoded === "string") headers["Content-Type"] = "text/plain;charset=UTF-8";
    else {
      const multipart = new Response(encoded);
      body = Buffer.from(await multipart.arrayBuffer());
      headers["Content-Type"] = multipart.headers.get("content-type")!;
    }
    const res = await send(`${this.base}${page}`, { method: "POST", headers, body, localAddress: this.localAddress, agent: this.agent });
    this.keep(res);
    return res;
  }

  /**
   * Opens an event stream and keeps it open. Resolves with the status once the first event
   * (a snapshot, or a refusal's "busy") arrived; `close` ends it.
   */
  openStream(path: string): Promise<{ status: number; first: string; close: () => void }> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.base}${path}`,
        { headers: { Accept: "text/event-stream", Cookie: this.cookieHeader(), ...this.extraHeaders() }, localAddress: this.localAddress, agent: false },
        (res) => {
          let text = "";
          const close = () => req.destroy();
          res.on("data", (c: Buffer) => {
            text += c.toString("utf8");
            const event = text.match(/event: (\w+)\ndata: (.*)\n\n/);
            if (event) {
              res.removeAllListeners("data");
              res.resume();
              resolve({ status: res.statusCode ?? 0, first: `${event[1]} ${event[2]}`, close });
            }
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, first: text, close }));
          res.on("error", () => undefined);
        },
      );
      req.on("error", reject);
      req.end();
    });
  }
}

/** Runs `work` over `items`, `size` at a time. */
export async function pool<T>(items: readonly T[], size: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/** moto itself, not the app, drops a connection now and then under load: try again (setup only). */
export async function retry<T>(work: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}

/** Bytes as whole MB ("123 MB"). */
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Resident memory of one process, in bytes (0 once it is gone). */
export function rss(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** What a server action answered: ok, or the failure code (and its wait, if any). */
export function outcome(res: Answer): { ok: boolean; code: string; seconds?: number } {
  if (res.status !== 200) return { ok: false, code: `http-${res.status}` };
  if (res.text.includes('"ok":true')) return { ok: true, code: "ok" };
  const code = res.text.match(/"ok":false,"code":"([a-z0-9-]+)"/)?.[1] ?? "unknown";
  const seconds = Number(res.text.match(/"seconds":(\d+)/)?.[1]);
  return { ok: false, code, seconds: Number.isNaN(seconds) ? undefined : seconds };
}
