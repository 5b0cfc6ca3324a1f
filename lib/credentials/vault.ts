import "server-only";
import { randomBytes } from "node:crypto";
import type { CallerIdentity } from "./identity";

/**
 * The only place pasted credentials live: a Map in this server process, keyed by a
 * random session id. An entry dies at its expiry or at sign-out; nothing is persisted.
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
  /** When the credentials stop working (the paste's expiry, or our cap when unknown). */
  readonly expiresAt: number;
  readonly expiryKnown: boolean;
  readonly fromGetSessionToken: boolean;
  /** IAM refuses these credentials (get-session-token without MFA): see iam-probe.ts. */
  readonly iamRefused?: boolean;
  readonly createdAt: number;
};

/** Identity Center copies carry no expiry; their sessions last 12 hours at most. */
export const UNKNOWN_EXPIRY_CAP_MS = 12 * 60 * 60 * 1000;

type Store = { sessions: Map<string, Session>; timers: Map<string, NodeJS.Timeout> };

// Next bundles server actions and route handlers separately; one store per process.
const KEY = Symbol.for("hajime.credentials.vault");
const g = globalThis as unknown as Record<symbol, Store | undefined>;
const store: Store = (g[KEY] ??= { sessions: new Map(), timers: new Map() });

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function putSession(session: Session): void {
  forgetSession(session.id);
  store.sessions.set(session.id, session);
  const ms = Math.max(0, session.expiresAt - Date.now());
  // setTimeout overflows past ~24.8 days; sessions are hours long, but clamp anyway.
  const timer = setTimeout(() => forgetSession(session.id), Math.min(ms, 2 ** 31 - 1));
  timer.unref();
  store.timers.set(session.id, timer);
}

export function getSession(id: string | undefined): Session | undefined {
  if (!id) return undefined;
  const session = store.sessions.get(id);
  if (!session) return undefined;
  if (session.expiresAt <= Date.now()) {
    forgetSession(id);
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

export function forgetSession(id: string): void {
  const timer = store.timers.get(id);
  if (timer) clearTimeout(timer);
  store.timers.delete(id);
  store.sessions.delete(id);
}

export function sessionCount(): number {
  return store.sessions.size;
}
