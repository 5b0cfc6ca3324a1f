import "server-only";
import { detached, registerShutdownHook } from "@/lib/lifecycle";
import { storeBackend } from "@/lib/db/backend";
import { postgresDatabase } from "@/lib/db/postgres";
import { HEARTBEAT_MS, SessionClaims } from "./session-claims";
import { SESSIONS_PG_MIGRATIONS } from "./session-claims-schema";
import { forgetSession, onSessionEnd, putSession, sessionCount, sessionsWithAccessKey, type PutRefusal, type Session } from "./vault";

/**
 * Where admission asks how many sessions exist and stores a new one. Without DATABASE_URL,
 * the vault alone (this process). With it, the per-account cap and the per-access-key check
 * count every instance's sessions (./session-claims.ts); the total stays this process's (it
 * is about this heap).
 */

const KEY = Symbol.for("hajime.credentials.claims");
const g = globalThis as unknown as Record<symbol, SessionClaims | undefined>;

/** This process's claims on the shared database; undefined without DATABASE_URL. */
export function processClaims(): SessionClaims | undefined {
  const existing = g[KEY];
  if (existing) return existing;
  const backend = storeBackend();
  if (backend.kind !== "postgres") return undefined;
  const claims = (g[KEY] = new SessionClaims(postgresDatabase(backend.url, SESSIONS_PG_MIGRATIONS)));
  onSessionEnd((id) => void claims.release(id));
  // A timer outside the request that first signed in (lib/lifecycle.ts); a failed beat waits for the next.
  const heartbeat = detached(() => setInterval(() => void claims.beat().catch(() => undefined), HEARTBEAT_MS));
  heartbeat.unref();
  registerShutdownHook("session-claims", () => {
    clearInterval(heartbeat);
    return claims.withdraw();
  });
  return claims;
}

/** Live sessions from this access key id (every instance's with PostgreSQL; this one's if it is out of reach). */
export async function sessionsFromAccessKey(accessKeyId: string, claims = processClaims()): Promise<number> {
  return (await claims?.withAccessKey(accessKeyId)) ?? sessionsWithAccessKey(accessKeyId);
}

/**
 * Stores a verified session unless a cap says no (the vault's `putSession`, with the account's
 * place claimed across instances first when there is a shared database).
 */
export async function keepSession(
  session: Session,
  limits: { total: number; perAccount: number },
  replaces?: string,
  claims = processClaims(),
): Promise<PutRefusal | undefined> {
  if (!claims) return putSession(session, limits, replaces);
  // The previous session goes first; its claim is deleted within the claim below too.
  if (replaces) forgetSession(replaces, "signed-out");
  if (sessionCount() >= limits.total) return "full";
  const claimed = await claims.claim(session, limits.perAccount, replaces);
  if (claimed === "account-full") return "account-full";
  // Claimed (or the database is out of reach): the vault still applies this instance's caps.
  const refused = putSession(session, limits);
  if (refused) await claims.release(session.id);
  return refused;
}
