/**
 * Work to do when the server stops (SIGTERM): server/main.mjs runs every hook registered
 * here. Same process, separate bundles, hence globalThis; one hook per name.
 */
const KEY = Symbol.for("hajime.shutdownHooks");
const g = globalThis as unknown as Record<symbol, Map<string, () => unknown> | undefined>;

export function registerShutdownHook(name: string, hook: () => unknown): void {
  (g[KEY] ??= new Map()).set(name, hook);
}
