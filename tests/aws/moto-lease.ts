import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A test file's exclusive hold on one of the run's moto_servers, so it can reset that
 * server between its tests without touching another worker's accounts. (VITEST_POOL_ID
 * cannot pick one: in a run with project groups every file saw 1.) A lease is a directory
 * (mkdir is atomic) holding the owner's pid; one whose owner died is taken over.
 */
export type MotoLease = { endpoint: string; release: () => void };

export const leaseDir = (endpoint: string) => join(tmpdir(), `hajime-moto-lease-${new URL(endpoint).port}`);

export async function leaseMoto(endpoints: string[], timeoutMs = 120_000): Promise<MotoLease> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const endpoint of endpoints) {
      const dir = leaseDir(endpoint);
      if (tryTake(dir)) return { endpoint, release: () => rmSync(dir, { recursive: true, force: true }) };
    }
    if (Date.now() > deadline) throw new Error(`no moto_server free after ${timeoutMs} ms (leases under ${tmpdir()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function tryTake(dir: string): boolean {
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, "pid"), String(process.pid));
    return true;
  } catch {
    const owner = ownerPid(dir);
    if (owner !== undefined && !alive(owner)) rmSync(dir, { recursive: true, force: true });
    return false;
  }
}

function ownerPid(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, "pid"), "utf8"));
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined; // just made, pid not written yet: held
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
