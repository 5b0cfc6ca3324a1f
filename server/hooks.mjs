// Shutdown hooks the app registers on globalThis (Next bundles the app apart from this
// server, but both run in one process): event streams, the database.
/** Where lib/lifecycle.ts registers them on globalThis: a Map of name → hook. */
export const SHUTDOWN_HOOKS = Symbol.for("hajime.shutdownHooks");

export async function runShutdownHooks() {
  const hooks = globalThis[SHUTDOWN_HOOKS] ?? new Map();
  for (const [name, hook] of hooks) {
    try {
      await hook();
    } catch (error) {
      console.error(`shutdown hook ${name} failed:`, error?.name ?? "Error");
    }
  }
}
