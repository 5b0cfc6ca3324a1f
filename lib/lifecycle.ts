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
const LAST = Symbol.for("hajime.shutdownHooksLast");
const g = globalThis as unknown as Record<symbol, unknown>;
/**
 * Hooks run in order of registration (server/hooks.mjs), those registered `last` after the
 * rest: a database closes after the hooks that may still write to it (an instance
 * withdrawing its session claims, the relay sending what is queued).
 */
export function registerShutdownHook(name: string, hook: () => unknown, opts: { last?: boolean } = {}): void {
  let hooks = g[HOOKS] as Map<string, () => unknown> | undefined;
  if (!hooks) g[HOOKS] = hooks = new Map();
  const lastOnes = (g[LAST] ??= new Set<string>()) as Set<string>;
  if (opts.last) lastOnes.add(name);
  hooks.set(name, hook);
  for (const late of lastOnes) {
    const h = hooks.get(late);
    if (late === name || !h) continue;
    hooks.delete(late);
    hooks.set(late, h);
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
