import "server-only";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { fail, type Failure } from "@/lib/result";
import { detached } from "@/lib/lifecycle";
import { caps } from "./config";

/**
 * Rate limits, in this process's memory. Every key is a client address as server/main.mjs
 * resolved it (never a header a client chose), an AWS account key, a room, or an attendee.
 * Entries expire with their window, so the tables stay as small as the traffic.
 */

type Limits = {
  /** Unknown room codes (page, events, export, join, landing form) per address. */
  badCode: RateLimiterMemory;
  create: RateLimiterMemory;
  organizerKey: RateLimiterMemory;
  /** Check and fix runs per attendee (per session outside a room). */
  checks: RateLimiterMemory;
  signInFailure: RateLimiterMemory;
  signInAccount: RateLimiterMemory;
  /** Join attempts per credential session (nickname retries), not per room or address. */
  join: RateLimiterMemory;
};

const KEY = Symbol.for("hajime.limits");
const g = globalThis as unknown as Record<symbol, Limits | undefined>;
const limits: Limits = (g[KEY] ??= {
  badCode: new RateLimiterMemory({ points: 120, duration: 60 }),
  create: new RateLimiterMemory({ points: caps.roomsCreatedPerAddress, duration: 600 }),
  organizerKey: new RateLimiterMemory({ points: 10, duration: 60 }),
  checks: new RateLimiterMemory({ points: 30, duration: 60 }),
  signInFailure: new RateLimiterMemory({ points: caps.signInFailuresPerAddress, duration: 600 }),
  signInAccount: new RateLimiterMemory({ points: caps.signInsPerAccount, duration: 600 }),
  join: new RateLimiterMemory({ points: 20, duration: 60 }),
});

export type LimitName = keyof Limits;

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

/** Takes one point; a Failure with the seconds to wait when the limit is reached. */
export async function take(name: LimitName, key: string): Promise<Failure | undefined> {
  try {
    // The limiter's window timer must not hold this request's context (lib/lifecycle.ts).
    await detached(() => limits[name].consume(key));
    return undefined;
  } catch (res) {
    return limited(res);
  }
}

/** Whether `key` is over its limit now, without taking a point. */
export async function over(name: LimitName, key: string): Promise<Failure | undefined> {
  const res = await limits[name].get(key);
  if (!res || res.consumedPoints < limits[name].points) return undefined;
  return limited(res);
}
