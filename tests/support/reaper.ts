import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";

/**
 * Ends process groups this process started (app instances, a proxy) and removes their
 * folders if this process ends first, however it ends (an exception, a signal, SIGKILL from a
 * test runner): a detached watcher holds a pipe from us, and when the pipe closes it sends
 * SIGTERM to every group still registered, SIGKILL 5 s later, then removes the folders.
 * Something is registered while it exists.
 */

// One line per change: "+group PGID", "-group PGID", "+folder PATH", "-folder PATH".
const WATCHER = `
const { rmSync } = require("node:fs");
const held = { group: new Set(), folder: new Set() };
let buffered = "";
process.on("SIGINT", () => {});
const signal = (name) => { for (const g of held.group) { try { process.kill(-Number(g), name); } catch {} } };
const removeFolders = () => { for (const f of held.folder) rmSync(f, { recursive: true, force: true }); };
const reap = () => {
  if (held.group.size === 0) { removeFolders(); process.exit(0); }
  signal("SIGTERM");
  setTimeout(() => { signal("SIGKILL"); removeFolders(); process.exit(0); }, 5000);
};
process.stdin.on("data", (chunk) => {
  buffered += chunk;
  const lines = buffered.split("\\n");
  buffered = lines.pop();
  for (const line of lines) {
    const [, op, kind, value] = line.match(/^([+-])(group|folder) (.*)$/) ?? [];
    if (op === "+") held[kind].add(value); else if (op === "-") held[kind].delete(value);
  }
});
process.stdin.on("end", reap);
process.stdin.on("error", reap);
`;

let watcher: ChildProcess | undefined;

function started(): ChildProcess {
  if (watcher) return watcher;
  watcher = spawn(process.execPath, ["-e", WATCHER], {
    cwd: "/",
    stdio: ["pipe", "ignore", "ignore"],
    // Its own process group: a signal to ours must not end it before it has done its job.
    detached: true,
  });
  watcher.unref();
  (watcher.stdin as unknown as Socket).unref();
  return watcher;
}

function hold(kind: "group" | "folder", value: string): () => void {
  if (value.includes("\n")) throw new Error(`reaper: a ${kind} with a newline`);
  const w = started();
  w.stdin!.write(`+${kind} ${value}\n`);
  return () => {
    if (w.stdin!.writable) w.stdin!.write(`-${kind} ${value}\n`);
  };
}

/** Registers the process group `pgid` (a detached child's pid); the function returned unregisters it. */
export function reapIfWeDie(pgid: number): () => void {
  return hold("group", String(pgid));
}

/** Registers a folder to remove (after the groups have ended); the function returned unregisters it. */
export function removeIfWeDie(folder: string): () => void {
  return hold("folder", folder);
}
