// Shutdown hooks the app registers on globalThis (Next bundles the app apart from this
// server, but both run in one process): event streams, the database.
/** Where lib/lifecycle.ts registers them on globalThis: a Map of name → hook. */
export const SHUTDOWN_HOOKS = Symbol.for("hajime.shutdownHooks");

/** How long one hook may take: a database that stopped answering must not hold the exit. */
export const HOOK_TIMEOUT_MS = 3_000;

export async function runShutdownHooks(timeoutMs = HOOK_TIMEOUT_MS) {
  const hooks = globalThis[SHUTDOWN_HOOKS] ?? new Map();
  for (const [name, hook] of hooks) {
    let timer;
    const late = new Promise((resolve) => (timer = setTimeout(() => resolve("late"), timeoutMs)));
    try {
      if ((await Promise.race([Promise.resolve().then(hook), late])) === "late") console.error(`shutdown hook ${name} did not finish in ${timeoutMs} ms`);
    } catch (error) {
      console.error(`shutdown hook ${name} failed:`, error?.name ?? "Error");
    } finally {
      clearTimeout(timer);
    }
  }
}
