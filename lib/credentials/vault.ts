import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { detached } from "@/lib/lifecycle";
import type { SessionEndReason } from "@/lib/result";
import type { CallerIdentity } from "./identity";

/**
 * The only place pasted credentials live: a Map in this server process, keyed by a
 * random session id. An entry dies at its expiry or at sign-out; nothing is persisted.
 * The map is capped (in all, and per AWS account / access key), so no flood of sign-ins
 * can grow it without bound. For a session that ended, a small capped record keeps why
 * (by a hash of its id, never the keys), so a page can tell "expired" from "the server
 * restarted".
 */

export type AwsKeys = {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
};

export type Session = {
  readonly id: string;
  readonly keys: AwsKeys;
  readonly region: string;
  readonly identity: CallerIdentity;
  /** When the credentials stop working (the paste's expiry, clamped to what STS can issue). */
  readonly expiresAt: number;
  readonly expiryKnown: boolean;
  readonly fromGetSessionToken: boolean;
  /** IAM refuses these credentials (get-session-token without MFA): see iam-probe.ts. */
  readonly iamRefused?: boolean;
  readonly createdAt: number;
};

/** Why a session this process held ended ("restarted" is what a page says when it never held it). */
export type EndReason = Exclude<SessionEndReason, "restarted">;

type Store = {
  sessions: Map<string, Session>;
  timers: Map<string, NodeJS.Timeout>;
  /** hash(session id) → why it ended; oldest dropped first. */
  ended: Map<string, EndReason>;
  /** Told of every session that ends, whatever the reason (./session-claims.ts frees its place). */
  endListeners: Set<(id: string) => void>;
};

const ENDED_KEPT = 10_000;

// Next bundles server actions and route handlers separately; one store per process.
const KEY = Symbol.for("hajime.credentials.vault");
const g = globalThis as unknown as Record<symbol, Store | undefined>;
const store: Store = (g[KEY] ??= { sessions: new Map(), timers: new Map(), ended: new Map(), endListeners: new Set() });
store.ended ??= new Map();
store.endListeners ??= new Set();

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

const idHash = (id: string) => createHash("sha256").update(id).digest("base64url").slice(0, 22);

export type PutRefusal = "full" | "account-full";

/**
 * Stores a verified session unless a cap says no. `replaces` is the browser's previous
 * session, which goes first (it does not count against the caps).
 */
export function putSession(
  session: Session,
  limits: { total: number; perAccount: number },
  replaces?: string,
): PutRefusal | undefined {
  if (replaces) forgetSession(replaces, "signed-out");
  if (store.sessions.size >= limits.total) return "full";
  let sameAccount = 0;
  for (const s of store.sessions.values()) if (s.identity.accountId === session.identity.accountId) sameAccount++;
  if (sameAccount >= limits.perAccount) return "account-full";
  store.sessions.set(session.id, session);
  const ms = Math.max(0, session.expiresAt - Date.now());
  // setTimeout overflows past ~24.8 days; sessions are at most 36 hours (sts-lifetime.ts).
  // Made outside the request, so the timer does not keep the sign-in request alive for hours.
  const timer = detached(() => setTimeout(() => forgetSession(session.id, "expired"), Math.min(ms, 2 ** 31 - 1)));
  timer.unref();
  store.timers.set(session.id, timer);
  return undefined;
}

/** Live sessions made from this access key id (checked before asking STS again). */
export function sessionsWithAccessKey(accessKeyId: string): number {
  let n = 0;
  for (const s of store.sessions.values()) if (s.keys.accessKeyId === accessKeyId) n++;
  return n;
}

export function getSession(id: string | undefined): Session | undefined {
  if (!id) return undefined;
  const session = store.sessions.get(id);
  if (!session) return undefined;
  if (session.expiresAt <= Date.now()) {
    forgetSession(id, "expired");
    return undefined;
  }
  return session;
}

export function updateSessionRegion(id: string, region: string): Session | undefined {
  const session = getSession(id);
  if (!session) return undefined;
  const next = { ...session, region };
  store.sessions.set(id, next);
  return next;
}

export function forgetSession(id: string, reason: EndReason = "signed-out"): void {
  const timer = store.timers.get(id);
  if (timer) clearTimeout(timer);
  store.timers.delete(id);
  if (store.sessions.delete(id)) {
    const key = idHash(id);
    store.ended.delete(key);
    store.ended.set(key, reason);
    if (store.ended.size > ENDED_KEPT) store.ended.delete(store.ended.keys().next().value!);
    for (const listener of store.endListeners) listener(id);
  }
}

/** Calls `listener` with the id of every session that ends from now on (expiry, sign-out, dead keys, replaced). */
export function onSessionEnd(listener: (id: string) => void): () => void {
  store.endListeners.add(listener);
  return () => store.endListeners.delete(listener);
}

/**
 * Why a session this process once held ended; undefined when this process never held it
 * (the server restarted since, or the id is made up).
 */
export function endReason(id: string): EndReason | undefined {
  return store.ended.get(idHash(id));
}

export function sessionCount(): number {
  return store.sessions.size;
}
