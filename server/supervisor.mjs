// Keeps the server up: runs ./main.mjs as a child and starts it again when it dies (a
// crash, the out-of-memory killer, `kill -9`), logging why, backing off if it keeps
// dying. SIGTERM / SIGINT are passed on and end the supervisor once the server has shut
// down cleanly. Rooms and progress live in SQLite, so a restart loses none of them;
// credentials live only in the server's memory, so attendees paste them again.
import { spawn } from "node:child_process";
import { writeFileSync, rmSync } from "node:fs";

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 30_000;
/** A server that stayed up this long is healthy again: the next crash restarts at once. */
const HEALTHY_AFTER_MS = 60_000;
const STOP_GRACE_MS = 12_000;
const TAIL_LINES = 30;

/** Why a child ended, in words an organizer can act on. */
export function exitReason(code, signal, stderrTail = "") {
  if (/heap out of memory|Allocation failed/i.test(stderrTail)) return "JavaScript heap out of memory";
  if (signal === "SIGKILL") return "killed with SIGKILL (the kernel's out-of-memory killer, or an operator)";
  if (signal === "SIGABRT" || code === 134) return "aborted (SIGABRT)";
  if (signal === "SIGSEGV") return "crashed (SIGSEGV)";
  if (signal) return `ended by ${signal}`;
  return `exited with code ${code}`;
}

/** Backoff before restart number `n` of a run of crashes (n = 0 for the first). */
export function restartDelay(n) {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** n);
}

/**
 * @param {{ command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, pidFile?: string,
 *   log?: (line: string) => void, onOutput?: (chunk: Buffer) => void }} opts
 */
export function supervise(opts) {
  const log = opts.log ?? ((line) => console.error(`[hajime] ${line}`));
  let child;
  let startedAt = 0;
  let crashes = 0;
  let stopping = false;
  let restartTimer;
  let tail = [];

  const start = () => {
    tail = [];
    startedAt = Date.now();
    child = spawn(opts.command, opts.args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    if (opts.pidFile) writeFileSync(opts.pidFile, String(child.pid));
    child.stdout.on("data", (chunk) => (opts.onOutput ? opts.onOutput(chunk) : process.stdout.write(chunk)));
    child.stderr.on("data", (chunk) => {
      if (opts.onOutput) opts.onOutput(chunk);
      else process.stderr.write(chunk);
      tail.push(...chunk.toString("utf8").split("\n"));
      if (tail.length > TAIL_LINES) tail = tail.slice(-TAIL_LINES);
    });
    child.on("exit", (code, signal) => {
      if (stopping) {
        if (opts.pidFile) rmSync(opts.pidFile, { force: true });
        process.exit(code ?? 0);
      }
      const upFor = Date.now() - startedAt;
      if (upFor > HEALTHY_AFTER_MS) crashes = 0;
      const delay = restartDelay(crashes);
      crashes += 1;
      log(`server ${exitReason(code, signal, tail.join("\n"))} after ${(upFor / 1000).toFixed(1)} s; restarting in ${delay} ms (restart ${crashes} in this run of crashes)`);
      restartTimer = setTimeout(start, delay);
    });
  };

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(restartTimer);
    if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(0);
    child.kill(signal);
    setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  start();
}
