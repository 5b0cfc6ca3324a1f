import "server-only";

/**
 * Removals under way in this process, one at a time per resource. A reload, a second tab,
 * or a page that went away mid-bucket leaves a removal running on the server; the next
 * request for the same resource waits for it instead of racing it (two deleters of one
 * bucket: one wins, the other reports a NoSuchBucket the attendee cannot act on), and a
 * new plan waits for all of the account's removals so it counts what is really left.
 */
const KEY = Symbol.for("hajime.teardown.inProgress");
const g = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>;
const running: Map<string, Promise<unknown>> = (g[KEY] ??= new Map());

/** Runs `task` once no other task with the same `account` and `resource` is running. */
export async function oneAtATime<T>(account: string, resource: string, task: () => Promise<T>): Promise<T> {
  const key = `${account}\u0000${resource}`;
  for (let ahead = running.get(key); ahead; ahead = running.get(key)) await ahead.catch(() => undefined);
  const started = task();
  running.set(key, started);
  try {
    return await started;
  } finally {
    if (running.get(key) === started) running.delete(key);
  }
}

/** Resolves when every removal for `account` that is running now has finished. */
export async function settled(account: string): Promise<void> {
  const prefix = `${account}\u0000`;
  const mine = [...running].filter(([k]) => k.startsWith(prefix)).map(([, p]) => p.catch(() => undefined));
  await Promise.all(mine);
}
