/**
 * bench/board: the live board under a full room, measured on the real server.
 *
 * `next start` on the test build (.next-test) against a moto_server without managed
 * policies (cheap accounts). Simulated attendees do what a browser does: call the server
 * actions over HTTP (joinRoom, signIn, checkStep, fixStep) with their own cookies, so each
 * progress write comes from a real check verified against moto. Meanwhile board streams
 * and every attendee's own stream are open. Each progress event carries the server's
 * write time (`at`); latency = arrival at the client − `at` (same machine, same clock).
 * Peak RSS is the sum over the server's process group (next start + next-server), from /proc.
 *
 *   npm run bench:board -- [--attendees 300] [--boards 10] [--window 60]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { serverNodeOptions } from "../../scripts/server-node-options.mjs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventSource } from "eventsource";
import { freePort, newAttendee, startMoto, type AttendeeKeys } from "../../tests/support/moto";

const root = new URL("../..", import.meta.url).pathname;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ATTENDEES = arg("attendees", 300);
const BOARDS = arg("boards", 10);
const WINDOW_S = arg("window", 60);
const DIST = ".next-test";

// React's production encoder, as the browser build uses.
Object.assign(process.env, { NODE_ENV: "production" });
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

function log(message: string) {
  process.stdout.write(`[bench] ${message}\n`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ——— the server and its memory ———

function startServer(port: number, dataDir: string, motoEndpoint: string): ChildProcess {
  return spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      // The same heap flags as `npm start`.
      NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS),
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      AWS_ENDPOINT_URL: motoEndpoint,
      HAJIME_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

/** Resident memory of every process in the group, in bytes. */
function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

// ——— a browser-like client: cookies and server actions ———

const manifest = () =>
  JSON.parse(readFileSync(join(root, DIST, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };

function actionId(file: string, name: string): string {
  const found = Object.entries(manifest().node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`no server action ${file}#${name} in the build`);
  return found[0];
}

class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** Calls a server action as React's client does: encodeReply, POST to the page. */
  async action(page: string, id: string, args: unknown[]): Promise<string> {
    const body = await encodeReply(args);
    const res = await fetch(`${this.base}${page}`, {
      method: "POST",
      headers: {
        Accept: "text/x-component",
        "Next-Action": id,
        Origin: this.base,
        Cookie: this.cookieHeader(),
        ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (attrs.some((a) => /max-age=0|expires=Thu, 01 Jan 1970/i.test(a)) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${id} answered ${res.status}: ${text.slice(0, 200)}`);
    return text;
  }
}

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

function envPaste(k: AttendeeKeys): string {
  return [
    `export AWS_ACCESS_KEY_ID=${k.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${k.secretAccessKey}`,
    `export AWS_SESSION_TOKEN=${k.sessionToken}`,
    `export AWS_CREDENTIAL_EXPIRATION=${k.expiration.toISOString()}`,
  ].join("\n");
}

async function pool<T>(items: T[], size: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

// ——— the run ———

async function main() {
  if (!existsSync(join(root, DIST, "BUILD_ID"))) {
    throw new Error(`no test build: run \`HAJIME_DIST_DIR=${DIST} npx next build\` first`);
  }
  log(`${ATTENDEES} attendees, ${BOARDS} board streams + ${ATTENDEES} attendee streams, progress over ${WINDOW_S} s`);
  const moto = await startMoto({ managedPolicies: false });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "hajime-bench-board-"));
  const server = startServer(port, dataDir, moto.endpoint);
  const base = `http://127.0.0.1:${port}`;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, groupRss(server.pid!))), 200);
  const streams: EventSource[] = [];

  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/ja`)).ok) break;
      } catch {
        // starting
      }
      if (i > 300) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const ids = {
      createRoom: actionId("lib/rooms/actions.ts", "createRoom"),
      joinRoom: actionId("lib/rooms/actions.ts", "joinRoom"),
      signIn: actionId("lib/credentials/actions.ts", "signIn"),
      checkStep: actionId("lib/aws/actions.ts", "checkStep"),
      fixStep: actionId("lib/aws/actions.ts", "fixStep"),
    };

    const organizer = new Client(base);
    const created = await organizer.action("/ja", ids.createRoom, [
      null,
      form({ title: "bench", date: "2026-11-14", language: "ja", steps: ["root-access-keys", "root-mfa", "password-policy", "teardown"], maxAttendees: "300" }),
    ]);
    const code = created.match(/"code":"([A-Z0-9]{6})"/)?.[1];
    if (!code) throw new Error(`room not created: ${created.slice(0, 300)}`);
    const page = `/ja/r/${code}`;
    log(`room ${code}; idle server RSS ${(groupRss(server.pid!) / 2 ** 20).toFixed(0)} MB`);

    // Join and sign in, as people do in the first minutes (joins are rate limited per room).
    const attendees = Array.from({ length: ATTENDEES }, () => new Client(base));
    const joinStart = Date.now();
    await pool(attendees, 16, async (a, i) => {
      for (;;) {
        const res = await a.action(page, ids.joinRoom, [null, form({ code, nickname: `参加者${i + 1}` })]);
        if (res.includes('"ok":true')) break;
        const wait = Number(res.match(/"seconds":(\d+)/)?.[1] ?? NaN);
        if (!res.includes("rate-limited") || Number.isNaN(wait)) throw new Error(`join failed: ${res.slice(0, 200)}`);
        await new Promise((r) => setTimeout(r, wait * 1000));
      }
      const keys = await newAttendee(moto.endpoint);
      const signedIn = await a.action(page, ids.signIn, [null, form({ paste: envPaste(keys), region: "ap-northeast-1" })]);
      if (!signedIn.includes('"ok":true')) throw new Error(`sign-in failed: ${signedIn.slice(0, 200)}`);
    });
    log(`${ATTENDEES} joined and signed in in ${((Date.now() - joinStart) / 1000).toFixed(0)} s; server RSS ${(groupRss(server.pid!) / 2 ** 20).toFixed(0)} MB (peak so far ${(peakRss / 2 ** 20).toFixed(0)} MB)`);

    // Open the streams and wait for every snapshot.
    const latencies = { board: [] as number[], attendee: [] as number[] };
    let boardEvents = 0;
    let attendeeEvents = 0;
    const open = (kind: "board" | "attendee", cookie?: string) =>
      new Promise<void>((resolve, reject) => {
        const es = new EventSource(`${base}/api/rooms/${code}/events?view=${kind}`, {
          fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...(cookie ? { Cookie: cookie } : {}) } }),
        });
        streams.push(es);
        es.addEventListener("snapshot", () => resolve(), { once: true });
        es.addEventListener("progress", (e) => {
          const at = (JSON.parse(e.data) as { at: number }).at;
          latencies[kind].push(Date.now() - at);
          if (kind === "board") boardEvents++;
          else attendeeEvents++;
        });
        es.onerror = () => reject(new Error(`${kind} stream failed`));
      });
    const opening = Date.now();
    await Promise.all([
      ...Array.from({ length: BOARDS }, () => open("board")),
      ...attendees.map((a) => open("attendee", a.cookieHeader())),
    ]);
    log(`${streams.length} streams open in ${Date.now() - opening} ms; server RSS ${(groupRss(server.pid!) / 2 ** 20).toFixed(0)} MB`);

    // Progress: each attendee's checks verify two steps at a random moment in the window.
    const actionMs: number[] = [];
    const started = Date.now();
    await Promise.all(
      attendees.map(async (a) => {
        await new Promise((r) => setTimeout(r, Math.random() * WINDOW_S * 1000));
        for (const call of [
          () => a.action(page, ids.checkStep, ["root-access-keys"]),
          () => a.action(page, ids.fixStep, ["password-policy", {}]),
        ]) {
          const t0 = Date.now();
          const res = await call();
          actionMs.push(Date.now() - t0);
          if (!res.includes('"state":"done"')) throw new Error(`a check did not verify: ${res.slice(0, 200)}`);
        }
      }),
    );
    const writes = ATTENDEES * 2;
    const expected = { board: writes * BOARDS, attendee: writes };
    for (let i = 0; i < 100 && (boardEvents < expected.board || attendeeEvents < expected.attendee); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - started) / 1000;

    const report = (label: string, xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      log(`${label.padEnd(28)} n=${String(s.length).padStart(7)}  p50 ${percentile(s, 50)} ms  p95 ${percentile(s, 95)} ms  p99 ${percentile(s, 99)} ms  max ${s[s.length - 1]} ms`);
      return percentile(s, 95);
    };
    log(`${writes} progress writes in ${seconds.toFixed(0)} s; events delivered: boards ${boardEvents}/${expected.board}, attendees ${attendeeEvents}/${expected.attendee}`);
    report("check/fix action (HTTP)", actionMs);
    report("write → board stream", latencies.board);
    report("write → attendee stream", latencies.attendee);
    const p95 = report("write → any stream", [...latencies.board, ...latencies.attendee]);
    const sorted = [...latencies.board, ...latencies.attendee].sort((a, b) => a - b);
    const mb = peakRss / 2 ** 20;
    process.stdout.write(`\nRESULT p50=${percentile(sorted, 50)}ms p95=${p95}ms peakRSS=${mb.toFixed(0)}MB\n`);
    const lost = boardEvents < expected.board || attendeeEvents < expected.attendee;
    process.stdout.write(`target p95 < 250 ms: ${p95 < 250 ? "met" : "MISSED"}; peak RSS < 300 MB: ${mb < 300 ? "met" : "MISSED"}; events lost: ${lost ? "YES" : "none"}\n`);
    process.exitCode = p95 < 250 && mb < 300 && !lost ? 0 : 1;
  } finally {
    for (const es of streams) es.close();
    clearInterval(sampler);
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await moto.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
