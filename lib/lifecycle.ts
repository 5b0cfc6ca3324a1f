import { AsyncResource } from "node:async_hooks";
import { SHUTDOWN_HOOKS as HOOKS } from "@/server/hooks.mjs";

/**
 * The server process's life: work to do when it stops, and a scope outside any request.
 *
 * - Shutdown hooks: server/main.mjs runs every hook registered here on SIGTERM. Same process,
 *   separate bundles, hence globalThis; one hook per name.
 * - `detached(fn)`: a timer created while a request is handled keeps that request's whole
 *   context (Next's AsyncLocalStorage stores: headers, cookies, the render) alive until it
 *   fires. A session's expiry timer or a rate-limit window lasts hours or minutes, so each
 *   held ~90 KB. Timers made inside `detached` belong to a scope made at server start
 *   (instrumentation.ts), which holds nothing.
 */
const SCOPE = Symbol.for("hajime.rootScope");
const g = globalThis as unknown as Record<symbol, unknown>;
/** The name lib/db/postgres.ts registers its pool's end under. */
const DATABASE_HOOK = "postgres";

export function registerShutdownHook(name: string, hook: () => unknown): void {
  let hooks = g[HOOKS] as Map<string, () => unknown> | undefined;
  if (!hooks) g[HOOKS] = hooks = new Map();
  hooks.set(name, hook);
  // Hooks run in order (server/hooks.mjs); the database pool closes last, since other hooks
  // may still write to it (an instance withdrawing its session claims).
  const database = hooks.get(DATABASE_HOOK);
  if (database && name !== DATABASE_HOOK) {
    hooks.delete(DATABASE_HOOK);
    hooks.set(DATABASE_HOOK, database);
  }
}

/** Called once at server start, outside any request. */
export function initRootScope(): void {
  g[SCOPE] ??= new AsyncResource("hajime-root");
}

export function detached<T>(fn: () => T): T {
  const scope = g[SCOPE] as AsyncResource | undefined;
  return scope ? scope.runInAsyncScope(fn) : fn();
}
