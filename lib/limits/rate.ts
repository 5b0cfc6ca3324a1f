import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import type pg from "pg";
import { fail, type Failure } from "@/lib/result";
import { detached } from "@/lib/lifecycle";
import { keyedHash } from "@/lib/db/account-key";
import { storeBackend, type Backend } from "@/lib/db/backend";
import { postgresDatabase } from "@/lib/db/postgres";
import { caps } from "./config";
import { LIMITS_PG_MIGRATIONS } from "./schema";

/**
 * Rate limits. Every key is a client address as server/main.mjs resolved it (never a header
 * a client chose), an AWS account key, a room, or an attendee. Entries expire with their
 * window, so the tables stay as small as the traffic.
 *
 * Without DATABASE_URL they live in this process's memory. With it, in PostgreSQL
 * (./schema.ts), so every instance counts against one total; the keys are keyed hashes there.
 * Each PostgreSQL limiter has a memory limiter as insurance: while the database is unreachable
 * a limit holds per instance instead of failing, since refusing every sign-in and every room
 * page because the counters are out of reach would turn a database hiccup into an outage,
 * and a per-instance limit is still a limit.
 */

type Spec = { points: number; duration: number };

function specs() {
  return {
    /** Unknown room codes (page, events, export, join, landing form) per address. */
    badCode: { points: 120, duration: 60 },
    create: { points: caps.roomsCreatedPerAddress, duration: 600 },
    organizerKey: { points: 10, duration: 60 },
    /** Check and fix runs per attendee (per session outside a room). */
    checks: { points: 30, duration: 60 },
    signInFailure: { points: caps.signInFailuresPerAddress, duration: 600 },
    signInAccount: { points: caps.signInsPerAccount, duration: 600 },
    /** Join attempts per credential session (nickname retries), not per room or address. */
    join: { points: 20, duration: 60 },
  } satisfies Record<string, Spec>;
}

export type LimitName = keyof ReturnType<typeof specs>;

export type RateLimits = {
  /** Takes one point; a Failure with the seconds to wait when the limit is reached. */
  take(name: LimitName, key: string): Promise<Failure | undefined>;
  /** Whether `key` is over its limit now, without taking a point. */
  over(name: LimitName, key: string): Promise<Failure | undefined>;
};

/**
 * A refusal from the limiter. Checked by shape, not `instanceof`: Next bundles route handlers
 * and server actions apart, and a limiter made by one bundle rejects with the other
 * bundle's RateLimiterRes class (rate-limiter-flexible is also kept external in
 * next.config.mjs, so there is one copy, but the check must not depend on it).
 */
function limited(res: unknown): Failure | undefined {
  if (res && typeof res === "object" && typeof (res as RateLimiterRes).msBeforeNext === "number") {
    return fail("rate-limited", { seconds: Math.max(1, Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)) });
  }
  return undefined;
}

function postgresLimiters(url: string): Record<LimitName, RateLimiterAbstract> {
  const db = postgresDatabase(url, LIMITS_PG_MIGRATIONS);
  // The shared pool, but a query waits for the table (./schema.ts) the first time; a database
  // that is down then rejects, and the insurance limiter answers.
  const storeClient = { query: (q: pg.QueryConfig) => db.ready().then(() => db.pool.query(q)) };
  const entries = Object.entries(specs()).map(([name, spec], i) => [
    name,
    new RateLimiterPostgres({
      ...spec,
      storeClient,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      // All limiters share the table: one of them clears its expired rows (every 5 minutes).
      clearExpiredByTimeout: i === 0,
      insuranceLimiter: new RateLimiterMemory(spec),
    }),
  ]);
  return Object.fromEntries(entries) as Record<LimitName, RateLimiterAbstract>;
}

function memoryLimiters(): Record<LimitName, RateLimiterAbstract> {
  const entries = Object.entries(specs()).map(([name, spec]) => [name, new RateLimiterMemory(spec)]);
  return Object.fromEntries(entries) as Record<LimitName, RateLimiterAbstract>;
}

/** One set of limiters over `backend` (one per process: see `take`; tests make several). */
export function createRateLimits(backend: Backend = storeBackend()): RateLimits {
  // Made outside any request: the PostgreSQL limiter's clean-up timer starts in its constructor.
  const limits = detached(() => (backend.kind === "postgres" ? postgresLimiters(backend.url) : memoryLimiters()));
  const storedKey = backend.kind === "postgres" ? (key: string) => keyedHash("rate-limit", key) : (key: string) => key;
  return {
    async take(name, key) {
      try {
        // The limiter's window timer must not hold this request's context (lib/lifecycle.ts).
        await detached(() => limits[name].consume(storedKey(key)));
        return undefined;
      } catch (res) {
        return limited(res);
      }
    },
    async over(name, key) {
      const res = await limits[name].get(storedKey(key));
      if (!res || res.consumedPoints < limits[name].points) return undefined;
      return limited(res);
    },
  };
}

const KEY = Symbol.for("hajime.rateLimits");
const g = globalThis as unknown as Record<symbol, RateLimits | undefined>;
// Made at first use, so the backend is the one DATABASE_URL names by then.
const processLimits = (): RateLimits => (g[KEY] ??= createRateLimits());

/** Takes one point; a Failure with the seconds to wait when the limit is reached. */
export function take(name: LimitName, key: string): Promise<Failure | undefined> {
  return processLimits().take(name, key);
}

/** Whether `key` is over its limit now, without taking a point. */
export function over(name: LimitName, key: string): Promise<Failure | undefined> {
  return processLimits().over(name, key);
}
