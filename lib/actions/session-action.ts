import "server-only";
import type { z } from "zod";
import type { Aws } from "@/lib/aws/clients";
import { AWS_DEADLINES } from "@/lib/aws/deadlines";
import { toFailure } from "@/lib/aws/errors";
import { endsSession, fail, type Failure, type Result } from "@/lib/result";
import { reportOutcomes } from "@/lib/aws/report";
import type { CheckOutcome } from "@/lib/aws/run";
import { clearSessionCookie } from "@/lib/credentials/cookie";
import { awsFor, sessionOrEndReason } from "@/lib/credentials/current";
import { forgetSession, type Session } from "@/lib/credentials/vault";
import { checkRunLimit } from "@/lib/rooms/limits";
import { currentSeat, type Seat } from "@/lib/rooms/service";

/**
 * The one door for every server action that needs a signed-in session (lib/aws/actions.ts,
 * lib/aws/teardown/actions.ts, lib/credentials/actions.ts). In this order it:
 *
 * 1. parses the action's arguments with its zod schema (a failure: the action's `invalid`);
 * 2. loads the session from the cookie (none: `not-signed-in` with why it ended);
 * 3. applies the rate limit the action names (`rateLimit`, always stated);
 * 4. runs the body with the session and its AWS clients (`aws()`), under the action's deadline;
 * 5. turns a throw into a failure value (`toFailure`, lib/aws/errors.ts);
 * 6. ends the session when the failure says the credentials are dead (expired or invalid);
 * 7. on success, reports the step outcomes the action produced to the attendee's room.
 *
 * A 'use server' file may only export async functions, so actions are written
 * `export const name = sessionAction({ ... })` (a function, which is what Next checks).
 * tests/unit/session-action-coverage.test.ts fails when an exported action under lib/ neither
 * goes through here nor is listed there as needing no session.
 */

/**
 * Which rate limit an action takes a point from (lib/limits/rate.ts):
 * - "checks": check and fix runs per attendee (per session outside a room), lib/rooms/limits.ts;
 * - "none": no limit. A deliberate choice: say why beside it (the coverage test asks for a comment).
 */
export type RateLimit = "checks" | "none";

/** The action's budget for all its AWS calls together (lib/aws/deadlines.ts), or "no-aws". */
export type Budget = "checkMs" | "fixMs" | "teardownPlanMs" | "teardownRemoveMs" | "no-aws";

export type SessionContext<A> = {
  /** The parsed arguments. */
  args: A;
  session: Session;
  /**
   * The session's AWS clients under the action's budget. The budget starts at the first call
   * (later calls answer the same clients), so an action that first waits for something else
   * (teardown waiting for a removal in progress) calls it after the wait. Throws for "no-aws".
   */
  aws: () => Aws;
};

// A zod schema for an action's argument list: z.tuple([...]).
type ArgsSchema = z.ZodType<readonly unknown[], readonly unknown[]>;

export type SessionActionSpec<S extends ArgsSchema, T> = {
  /** The argument list, as a tuple: `z.tuple([])` for an action without arguments. */
  args: S;
  /** What a parse failure answers (default: invalid-input, field "input"). */
  invalid?: Failure | ((error: z.ZodError) => Failure);
  rateLimit: RateLimit;
  budget: Budget;
  run: (ctx: SessionContext<z.output<S>>) => Promise<Result<T>>;
  /** The step outcomes a successful answer carries, reported to the attendee's room. */
  outcomes?: (data: T) => readonly CheckOutcome[];
};

export type SessionAction<S extends ArgsSchema, T> = (...args: z.input<S>) => Promise<Result<T>>;

const wrapped = new WeakSet<object>();

/** Whether `fn` was made by sessionAction (for the coverage test). */
export function isSessionAction(fn: unknown): boolean {
  return typeof fn === "function" && wrapped.has(fn);
}

export function sessionAction<S extends ArgsSchema, T>(spec: SessionActionSpec<S, T>): SessionAction<S, T> {
  const action = async (...raw: z.input<S>): Promise<Result<T>> => {
    const parsed = spec.args.safeParse(raw);
    if (!parsed.success) {
      const invalid = spec.invalid ?? fail("invalid-input", { field: "input" });
      return typeof invalid === "function" ? invalid(parsed.error) : invalid;
    }
    const session = await requireSession();
    if ("ok" in session) return session;
    // The attendee's seat, looked up once for both the limit and the report (a database read).
    let seatLookup: Promise<Seat | undefined> | undefined;
    const seat = () => (seatLookup ??= currentSeat());
    if (spec.rateLimit === "checks") {
      const limited = await checkRunLimit(session, seat);
      if (limited) return limited;
    }
    let aws: Aws | undefined;
    const ctx: SessionContext<z.output<S>> = {
      args: parsed.data,
      session,
      aws: () => {
        if (spec.budget === "no-aws") throw new Error("this action was declared without AWS calls");
        return (aws ??= awsFor(session, AWS_DEADLINES[spec.budget]));
      },
    };
    let result: Result<T>;
    try {
      result = await spec.run(ctx);
    } catch (error) {
      result = toFailure(error);
    }
    if (!result.ok) return (await endIfDead(session, result)) ?? result;
    if (spec.outcomes) await reportOutcomes(session, [...spec.outcomes(result.data)], seat);
    return result;
  };
  wrapped.add(action);
  return action;
}

/** The first failure among check outcomes that means the credentials are dead. */
export function deadFailure(outcomes: readonly CheckOutcome[]): Failure | undefined {
  return outcomes.find((o) => o.failure && endsSession(o.failure))?.failure;
}

/** The session for this request, or why there is none (then the stale cookie is dropped). */
async function requireSession(): Promise<Session | Failure> {
  const { session, ended } = await sessionOrEndReason();
  if (session) return session;
  if (!ended) return fail("not-signed-in", { why: "none" });
  // The cookie outlived the credentials: say why, then drop it. A process that never held
  // this session has restarted since it was made (or the id is made up, which is the same to us).
  await clearSessionCookie();
  return fail("not-signed-in", { why: ended });
}

/** Ends the session when AWS said the credentials are dead; returns the failure then. */
async function endIfDead(session: Session, failure: Failure): Promise<Failure | undefined> {
  if (!endsSession(failure)) return undefined;
  forgetSession(session.id, failure.code === "expired" ? "expired" : "invalid");
  await clearSessionCookie();
  return failure;
}
