import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "./moto";
import { startPostgres, type Postgres } from "./postgres";
import { reapIfWeDie, removeIfWeDie } from "./reaper";

/**
 * Several Hajime instances behind the real HAProxy, on one throwaway PostgreSQL: what an
 * organizer runs for a big event (README "Big events: several instances"), for the browser
 * tests and the benches. Each instance is the app as `npm start` runs it (the supervisor and
 * server/main.mjs, through tests/e2e/support/server.mjs) on a built app, with its own port and
 * DATA_DIR; the proxy runs deploy/haproxy/hajime.cfg with this cluster's server lines.
 * No test-runner imports: Playwright and plain Node (bench/) both use it.
 */

export type ClusterInstance = {
  /** node1, node2…: its HAProxy server name, and the value of the hajime_node cookie that sticks to it. */
  name: string;
  /** Its own address, bypassing the proxy. */
  url: string;
  port: number;
  /** Its folder: data/ (DATA_DIR), server.log, server.pid. */
  dir: string;
  /** The pid of the server process itself (not the supervisor), as it is now. */
  pid: () => number;
  /** What it has printed so far. */
  log: () => string;
  /** Whether it was started and not killed since. */
  running: () => boolean;
  /**
   * Sends `signal` (default SIGKILL) to the supervisor and the server (the whole process group),
   * so it stays down, and resolves once its port refuses connections. To see the supervisor
   * restart a crashed server instead, `process.kill(instance.pid(), "SIGKILL")`.
   */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again (SIGTERM first if it runs) on the same port and data folder; resolves once it serves. */
  restart: () => Promise<void>;
};

export type Cluster = {
  /** The proxy: where attendees, boards and organizers go. */
  url: string;
  instances: ClusterInstance[];
  /** The database every instance has in DATABASE_URL. */
  databaseUrl: string;
  postgres: Postgres;
  /** The generated HAProxy configuration in use. */
  proxyConfig: string;
  /**
   * What HAProxy thinks of each instance now, and how many requests it sent there so far:
   * { node1: { status: "UP", requests: 12 }, node2: { status: "DOWN", … } } (its stats socket).
   */
  proxyStates: () => Promise<Record<string, ProxyState>>;
  /** HAProxy's last output (its log: one line per request), for a failing test to show. */
  proxyLog: () => string;
  /** Everything ends: instances (SIGTERM), the proxy, PostgreSQL; a folder this made goes too. */
  stop: () => Promise<void>;
};

export type ProxyState = { status: string; requests: number };

export type ClusterOptions = {
  /** How many app instances; default 2. */
  instances?: number;
  /** AWS_ENDPOINT_URL for every instance (moto or the strict stand-in). */
  awsEndpoint: string;
  /** The built app to run (HAJIME_DIST_DIR); default $HAJIME_DIST_DIR or .next-test. */
  dist?: string;
  /** More environment for every instance (limits, …). */
  env?: Record<string, string>;
  /** Where the instances' folders and the proxy's config go; kept after stop(). Default: a temp folder, removed by stop(). */
  artifacts?: string;
  /** The repository; default the current directory (as npm scripts and Playwright run). */
  root?: string;
  haproxy?: string;
  /** The shipped config the proxy's is made from. */
  haproxyConfig?: string;
};

const HAPROXY = "/usr/sbin/haproxy";

/** The shipped config with `servers` in place of its example server lines and a stats socket. */
export function clusterProxyConfig(shipped: string, servers: { name: string; port: number }[], statsSocket: string): string {
  const block = /^[ \t]*# servers:begin\n[\s\S]*?^[ \t]*# servers:end$/m;
  if (!block.test(shipped)) throw new Error("the HAProxy config has no '# servers:begin' … '# servers:end' block");
  if (!/^global$/m.test(shipped)) throw new Error("the HAProxy config has no global section");
  const lines = servers.map((s) => `    server ${s.name} 127.0.0.1:${s.port} cookie ${s.name}`);
  return shipped
    .replace(block, ["    # servers:begin (tests/support/cluster.ts)", ...lines, "    # servers:end"].join("\n"))
    .replace(/^global$/m, `global\n    stats socket ${statsSocket} mode 600 level admin`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs: number, failed?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = failed?.();
    if (why) throw new Error(why);
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`${what} (waited ${timeoutMs / 1000} s)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function status(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return undefined;
  }
}

/** Ends the process group led by `child` with `signal`, SIGKILL if it is still there after `graceMs`. */
async function endGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  const send = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // gone
    }
  };
  send(signal);
  const timer = setTimeout(() => send("SIGKILL"), graceMs);
  await done;
  clearTimeout(timer);
}

function startInstance(opts: {
  name: string;
  port: number;
  dir: string;
  root: string;
  env: NodeJS.ProcessEnv;
}): ClusterInstance {
  let child: ChildProcess | undefined;
  let unregister = () => {};
  let started = false;
  const url = `http://127.0.0.1:${opts.port}`;
  const file = (name: string) => join(opts.dir, name);

  const start = async () => {
    const proc = spawn(process.execPath, ["tests/e2e/support/server.mjs"], {
      cwd: opts.root,
      env: { ...opts.env, E2E_ARTIFACTS: opts.dir, PORT: String(opts.port), E2E_KEEP_DATA: started ? "1" : "0" },
      stdio: "ignore",
      // Its own process group: kill() reaches the supervisor and the server.
      detached: true,
    });
    child = proc;
    started = true;
    unregister = reapIfWeDie(proc.pid!);
    proc.once("exit", () => unregister());
    const gone = () => (proc.exitCode !== null || proc.signalCode !== null ? `${opts.name} exited (${proc.exitCode ?? proc.signalCode}); see ${file("server.log")}` : undefined);
    await until(`${opts.name} did not come up on ${url}; see ${file("server.log")}`, async () => {
      const code = await status(`${url}/api/health`);
      if (code === 404) throw new Error(`${opts.name} has no /api/health: the build in ${opts.env.HAJIME_DIST_DIR} predates it, build again`);
      return code === 200;
    }, 120_000, gone);
  };

  const instance: ClusterInstance = {
    name: opts.name,
    url,
    port: opts.port,
    dir: opts.dir,
    pid: () => Number(readFileSync(file("server.pid"), "utf8")),
    log: () => (existsSync(file("server.log")) ? readFileSync(file("server.log"), "utf8") : ""),
    running: () => Boolean(child && child.exitCode === null && child.signalCode === null),
    kill: async (signal = "SIGKILL") => {
      if (!child) return;
      await endGroup(child, signal);
      await until(`${opts.name} still answers on ${url} after ${signal}`, async () => (await status(`${url}/api/health`)) === undefined, 30_000);
    },
    restart: async () => {
      if (instance.running()) await instance.kill("SIGTERM");
      await start();
    },
  };
  return Object.assign(instance, { start });
}

function statsCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const conn = connect(socket);
    let out = "";
    conn.on("data", (d) => (out += String(d)));
    conn.on("end", () => resolve(out));
    conn.on("error", reject);
    conn.end(`${command}\n`);
  });
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const root = resolve(opts.root ?? process.cwd());
  const dist = opts.dist ?? process.env.HAJIME_DIST_DIR ?? ".next-test";
  const haproxy = opts.haproxy ?? HAPROXY;
  const shippedConfig = opts.haproxyConfig ?? join(root, "deploy", "haproxy", "hajime.cfg");
  const count = opts.instances ?? 2;
  if (!existsSync(join(root, dist, "BUILD_ID"))) throw new Error(`startCluster: no build in ${join(root, dist)}: run \`HAJIME_DIST_DIR=${dist} npx next build\` first`);
  if (!existsSync(haproxy)) throw new Error(`startCluster: ${haproxy} not found: apt-get install -y haproxy (Debian)`);

  const madeArtifacts = !opts.artifacts;
  const artifacts = opts.artifacts ?? mkdtempSync(join(tmpdir(), "hajime-cluster-"));
  mkdirSync(artifacts, { recursive: true });
  const forgetArtifacts = madeArtifacts ? removeIfWeDie(artifacts) : () => {};
  const postgres = await startPostgres();
  const instances: (ClusterInstance & { start: () => Promise<void> })[] = [];
  let proxy: ChildProcess | undefined;

  const stop = async () => {
    await Promise.all([...instances.filter((i) => i.running()).map((i) => i.kill("SIGTERM")), proxy ? endGroup(proxy, "SIGTERM", 5_000) : undefined]);
    await postgres.stop();
    if (madeArtifacts) rmSync(artifacts, { recursive: true, force: true });
    forgetArtifacts();
  };

  try {
    const proxyPort = await freePort();
    const url = `http://127.0.0.1:${proxyPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...opts.env,
      HAJIME_DIST_DIR: dist,
      AWS_ENDPOINT_URL: opts.awsEndpoint,
      DATABASE_URL: postgres.url,
      // Shared by every instance: it keys the hash that tells AWS accounts apart (lib/db/account-key.ts).
      HAJIME_ACCOUNT_KEY: randomBytes(32).toString("base64"),
      HAJIME_TRUSTED_PROXIES: "127.0.0.1",
      HAJIME_PUBLIC_URL: url,
    };
    for (let n = 1; n <= count; n++) {
      const name = `node${n}`;
      instances.push(startInstance({ name, port: await freePort(), dir: join(artifacts, name), root, env }) as ClusterInstance & { start: () => Promise<void> });
    }
    // One at a time: two Next servers starting at once on 2 cores slow each other down for nothing.
    for (const instance of instances) await instance.start();

    const statsSocket = join(artifacts, "haproxy.sock");
    const proxyConfig = join(artifacts, "haproxy.cfg");
    writeFileSync(proxyConfig, clusterProxyConfig(readFileSync(shippedConfig, "utf8"), instances, statsSocket));
    let proxyOutput = "";
    const proc = spawn(haproxy, ["-f", proxyConfig, "-db"], {
      env: { ...process.env, HAJIME_PROXY_BIND: `127.0.0.1:${proxyPort}` },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    proxy = proc;
    const unregister = reapIfWeDie(proc.pid!);
    proc.once("exit", () => unregister());
    for (const stream of [proc.stdout!, proc.stderr!]) stream.on("data", (d) => (proxyOutput = (proxyOutput + String(d)).slice(-8000)));
    const proxyStates = async () => {
      const csv = await statsCommand(statsSocket, "show stat");
      const [header, ...rows] = csv.trim().split("\n");
      const columns = header.replace(/^# /, "").split(",");
      const at = (name: string) => columns.indexOf(name);
      const states: Record<string, ProxyState> = {};
      for (const row of rows.map((r) => r.split(","))) {
        // stot: each HTTP request is a stream of its own, keep-alive or not.
        if (row[at("pxname")] === "hajime" && /^node\d+$/.test(row[at("svname")])) states[row[at("svname")]] = { status: row[at("status")], requests: Number(row[at("stot")]) };
      }
      return states;
    };
    await until(
      `HAProxy did not come up on ${url}`,
      async () => (await status(`${url}/api/health`)) === 200 && Object.values(await proxyStates().catch(() => ({}))).filter((s) => s.status === "UP").length === count,
      30_000,
      () => (proc.exitCode !== null ? `HAProxy exited (${proc.exitCode}):\n${proxyOutput}` : undefined),
    );

    return { url, instances, databaseUrl: postgres.url, postgres, proxyConfig, proxyStates, proxyLog: () => proxyOutput, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
