import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { freePort } from "./moto";

/**
 * A throwaway PostgreSQL cluster for tests, started the way tests start moto_server: `initdb` +
 * `pg_ctl` in a fresh temp folder, listening on a free port on 127.0.0.1 (its unix socket inside
 * that folder), trust auth, no durability (fsync, synchronous_commit, full_page_writes off).
 * Nothing outlives it: `stop()` ends the server and removes the folder, and if the process that
 * started it exits or dies first (any signal, even SIGKILL) a small watchdog does the same.
 *
 * initdb and pg_ctl refuse to run as root (CI runs as root): then they run as the `postgres`
 * user through runuser, and the folder belongs to that user.
 */

export const POSTGRES_BIN = "/usr/lib/postgresql/15/bin";

export type Postgres = {
  /** postgres://postgres@127.0.0.1:PORT/DATABASE: the database made at start. */
  url: string;
  port: number;
  /** Its temp folder: data/, socket/, postgres.log. Gone after stop(). */
  dir: string;
  /** Creates a database (a random name if none) and resolves with its URL. */
  createDatabase: (name?: string) => Promise<string>;
  /** `pg_ctl stop -m fast`, then the folder goes. Safe to call twice. */
  stop: () => Promise<void>;
};

export type PostgresOptions = {
  /** The database `url` points at; default "hajime". */
  database?: string;
  /** Where initdb and pg_ctl are; default $HAJIME_PG_BIN or /usr/lib/postgresql/15/bin. */
  binDir?: string;
};

const SETTINGS = [
  "listen_addresses = '127.0.0.1'",
  "fsync = off",
  "synchronous_commit = off",
  "full_page_writes = off",
  // Several app instances (a pool each, plus a listening connection) and the tests share it.
  "max_connections = 300",
  "shared_buffers = 32MB",
];

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function randomDatabaseName(prefix = "t"): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** Creates a database (a random name if none) in the cluster `clusterUrl` points at; resolves with its URL. */
/** One statement on a connection of its own (tests asking a database about itself). */
export async function queryOnce<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function createDatabaseAt(clusterUrl: string, name = randomDatabaseName()): Promise<string> {
  if (!NAME.test(name)) throw new Error(`createDatabase: bad database name "${name}"`);
  const url = new URL(clusterUrl);
  url.pathname = "/postgres";
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** The postgres user's uid and gid, or a clear error: as root there is no other way to run initdb. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error("startPostgres: running as root, and initdb refuses root; there is no `postgres` user to run it as (Debian's postgresql package creates one)");
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** [command, args] that run `command args` as the postgres user when we are root. */
function asOwner(runAsPostgres: boolean, command: string, args: string[]): [string, string[]] {
  return runAsPostgres ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function run(runAsPostgres: boolean, cwd: string, command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const [cmd, argv] = asOwner(runAsPostgres, command, args);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output = (output + String(d)).slice(-8000)));
    child.stderr.on("data", (d) => (output = (output + String(d)).slice(-8000)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// Runs detached with a pipe from us on its stdin: when we end in any way the pipe closes, and it
// stops the server (immediate: the data is thrown away) and removes the folder. stop() kills it
// first, so it does nothing after a clean stop.
const WATCHDOG = `
const { spawnSync } = require("node:child_process");
const { existsSync, rmSync } = require("node:fs");
const o = JSON.parse(process.argv[1]);
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => {});
const clean = () => {
  if (existsSync(o.data + "/postmaster.pid")) spawnSync(o.cmd, [...o.prefix, o.pgCtl, "stop", "-D", o.data, "-m", "immediate", "-w"], { cwd: "/", stdio: "ignore" });
  rmSync(o.dir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on("end", clean);
process.stdin.on("error", clean);
process.stdin.resume();
`;

function startWatchdog(runAsPostgres: boolean, pgCtl: string, data: string, dir: string): ChildProcess {
  const [cmd, prefix] = asOwner(runAsPostgres, pgCtl, []);
  const spec = { cmd, prefix: prefix.slice(0, -1), pgCtl, data, dir };
  const child = spawn(process.execPath, ["-e", WATCHDOG, JSON.stringify(spec)], {
    cwd: "/",
    stdio: ["pipe", "ignore", "ignore"],
    // Its own process group: a Ctrl-C to ours must not end it before it has cleaned up.
    detached: true,
  });
  child.unref();
  (child.stdin as unknown as Socket).unref();
  return child;
}

export async function startPostgres(opts: PostgresOptions = {}): Promise<Postgres> {
  const bin = opts.binDir ?? process.env.HAJIME_PG_BIN ?? POSTGRES_BIN;
  const initdb = join(bin, "initdb");
  const pgCtl = join(bin, "pg_ctl");
  for (const tool of [initdb, pgCtl]) {
    if (!existsSync(tool)) {
      throw new Error(
        `startPostgres: ${tool} not found. The database tests need PostgreSQL 15's server binaries: ` +
          "apt-get install -y postgresql-15 (Debian), or set HAJIME_PG_BIN to the folder holding initdb and pg_ctl.",
      );
    }
  }
  const database = opts.database ?? "hajime";
  if (!NAME.test(database)) throw new Error(`startPostgres: bad database name "${database}"`);

  const runAsPostgres = process.getuid?.() === 0;
  const owner = runAsPostgres ? postgresUser() : undefined;
  // /tmp is world-traversable, so the postgres user reaches a folder it owns inside it.
  const dir = mkdtempSync(join(tmpdir(), "hajime-pg-"));
  const data = join(dir, "data");
  const socketDir = join(dir, "socket");
  const log = join(dir, "postgres.log");
  mkdirSync(socketDir);
  if (owner) for (const path of [dir, socketDir]) chownSync(path, owner.uid, owner.gid);

  const watchdog = startWatchdog(runAsPostgres, pgCtl, data, dir);
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, "postmaster.pid"))) {
      const [cmd, args] = asOwner(runAsPostgres, pgCtl, ["stop", "-D", data, "-m", "immediate", "-w"]);
      spawnSync(cmd, args, { cwd: dir, stdio: "ignore" });
    }
    rmSync(dir, { recursive: true, force: true });
    watchdog.kill("SIGTERM");
  };
  // A test process that exits without calling stop() (an exception, process.exit) cleans up
  // here; one killed by a signal is cleaned up by the watchdog.
  process.on("exit", stopSync);
  const fail = (message: string): never => {
    stopSync();
    process.off("exit", stopSync);
    throw new Error(message);
  };

  const init = await run(runAsPostgres, dir, initdb, ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
  if (init.code !== 0) fail(`startPostgres: initdb failed (${init.code}):\n${init.output}`);
  appendFileSync(join(data, "postgresql.conf"), `\n# tests/support/postgres.ts\n${SETTINGS.join("\n")}\nunix_socket_directories = '${socketDir}'\n`);

  // The port is free when chosen but another process may take it before the server binds it.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const start = await run(runAsPostgres, dir, pgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", `-p ${port}`]);
    if (start.code === 0) break;
    const serverLog = existsSync(log) ? readFileSync(log, "utf8").slice(-4000) : "";
    if (attempt < 4 && /could not bind|already in use/i.test(serverLog)) continue;
    fail(`startPostgres: pg_ctl start failed (${start.code}):\n${start.output}\n${serverLog}`);
  }

  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let url = "";
  try {
    url = await createDatabaseAt(admin, database);
  } catch (error) {
    fail(`startPostgres: could not create database ${database}: ${(error as Error).message}`);
  }

  return {
    url,
    port,
    dir,
    createDatabase: (name) => createDatabaseAt(admin, name),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.off("exit", stopSync);
      const fast = await run(runAsPostgres, dir, pgCtl, ["stop", "-D", data, "-m", "fast", "-w", "-t", "60"]);
      // A server that would not stop cleanly is stopped at once rather than left running.
      if (fast.code !== 0 && existsSync(join(data, "postmaster.pid"))) {
        await run(runAsPostgres, dir, pgCtl, ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"]);
      }
      rmSync(dir, { recursive: true, force: true });
      watchdog.kill("SIGTERM");
    },
  };
}
