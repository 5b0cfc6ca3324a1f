import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { headers } from "next/headers";
import { fail, type Failure } from "@/lib/aws/errors";
import type { Session } from "@/lib/credentials/vault";
import { hashSecret } from "./secrets";
import { currentAttendee } from "./service";

/**
 * Rate limits, in memory (one process). Joins are limited per room, not per address: a
 * venue's attendees often share one NAT address. Check runs are limited per attendee
 * (per credential session outside a room), generously: "check all" plus a few fixes a
 * minute is normal use.
 */

type Limits = Record<"join" | "badCode" | "create" | "organizerKey" | "checks", RateLimiterMemory>;
const KEY = Symbol.for("hajime.rooms.limits");
const g = globalThis as unknown as Record<symbol, Limits | undefined>;
const limits: Limits = (g[KEY] ??= {
  join: new RateLimiterMemory({ points: 100, duration: 30 }),
  badCode: new RateLimiterMemory({ points: 20, duration: 60 }),
  create: new RateLimiterMemory({ points: 10, duration: 600 }),
  organizerKey: new RateLimiterMemory({ points: 10, duration: 60 }),
  checks: new RateLimiterMemory({ points: 30, duration: 60 }),
});

export type LimitName = keyof Limits;

/** Takes one point; a Failure with the seconds to wait when the limit is reached. */
export async function take(name: LimitName, key: string): Promise<Failure | undefined> {
  try {
    await limits[name].consume(key);
    return undefined;
  } catch (res) {
    if (res instanceof RateLimiterRes) return fail("rate-limited", { seconds: Math.ceil(res.msBeforeNext / 1000) });
    return undefined;
  }
}

/** The client's address as Next saw it (the last proxy hop, or the socket). */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  return forwarded.split(",").pop()?.trim() || "unknown";
}

/** Called by requireSession() before every check or fix. */
export async function checkRunLimit(session: Session): Promise<Failure | undefined> {
  const attendee = await currentAttendee().catch(() => undefined);
  return take("checks", attendee ? `attendee:${attendee.attendee.id}` : `session:${hashSecret(session.id)}`);
}
