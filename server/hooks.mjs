// Shutdown hooks the app registers on globalThis (Next bundles the app apart from this
// server, but both run in one process): event streams, the database.
const KEY = Symbol.for("hajime.shutdownHooks");

export async function runShutdownHooks() {
  const hooks = globalThis[KEY] ?? new Map();
  for (const [name, hook] of hooks) {
    try {
      await hook();
    } catch (error) {
      console.error(`shutdown hook ${name} failed:`, error?.name ?? "Error");
    }
  }
}
