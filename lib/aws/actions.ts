"use server";

import { z } from "zod";
import { awsFor } from "@/lib/credentials/current";
import { minutesLeft, timeForMfaSetup } from "@/lib/credentials/expiry";
import type { Session } from "@/lib/credentials/vault";
import { checkRunLimit } from "@/lib/rooms/limits";
import { isStepId, type StepId } from "@/lib/workshop/catalog";
import { consoleSignInUrl } from "@/lib/workshop/sign-in-url";
import { AWS_DEADLINES } from "./deadlines";
import { endsSession, fail, ok, type Failure, type Result } from "./errors";
import { aliasOrAccountId } from "./iam-users";
import { ledgerFor } from "./ledger-store";
import { REGISTRY, stepById } from "./registry";
import { reportOutcomes } from "./report";
import { runCheck, runChecks, runFixAndCheck, type CheckOutcome } from "./run";
import { endIfDead, failureFrom, requireSession as requireLiveSession } from "./session-guard";
import { startMfaInput, startVirtualMfa, type MfaStart } from "./steps/user-mfa";

/** The only door from the UI to lib/aws. Every action returns a value, never throws. */

/** The session, unless the attendee ran too many checks and fixes this minute. */
async function requireSession(): Promise<Session | Failure> {
  const session = await requireLiveSession();
  if ("ok" in session) return session;
  return (await checkRunLimit(session)) ?? session;
}

const stepIds = z.array(z.string().max(40)).max(20).optional();

export async function checkAll(only?: string[]): Promise<Result<CheckOutcome[]>> {
  const session = await requireSession();
  if ("ok" in session) return session;
  const wanted = stepIds.safeParse(only);
  if (!wanted.success) return fail("invalid-input", { field: "steps" });
  const steps = wanted.data ? REGISTRY.filter((s) => wanted.data!.includes(s.id)) : REGISTRY;
  const outcomes = await runChecks(steps, awsFor(session, AWS_DEADLINES.checkMs));
  const dead = await endIfDead(session, outcomes.find((o) => o.failure && endsSession(o.failure))?.failure);
  if (dead) return dead;
  await reportOutcomes(session, outcomes);
  return ok(outcomes);
}

export async function checkStep(id: string): Promise<Result<CheckOutcome>> {
  if (!isStepId(id)) return fail("invalid-input", { field: "step" });
  const step = stepById(id as StepId);
  if (!step) return fail("invalid-input", { field: "step" });
  const session = await requireSession();
  if ("ok" in session) return session;
  const outcome = await runCheck(step, awsFor(session, AWS_DEADLINES.checkMs));
  const dead = await endIfDead(session, outcome.failure);
  if (dead) return dead;
  await reportOutcomes(session, [outcome]);
  return ok(outcome);
}

/** Runs a step's fix, then its check, so the card shows the state AWS now reports. */
export async function fixStep(id: string, input: unknown): Promise<Result<{ result: unknown; outcome: CheckOutcome }>> {
  if (!isStepId(id)) return fail("invalid-input", { field: "step" });
  const step = stepById(id as StepId);
  if (!step?.fix) return fail("no-fix");
  const session = await requireSession();
  if ("ok" in session) return session;
  const done = await runFixAndCheck(step, awsFor(session, AWS_DEADLINES.fixMs), input, { ledger: ledgerFor(session) });
  if (!done.ok) return (await endIfDead(session, done)) ?? done;
  await reportOutcomes(session, [done.data.outcome]);
  return done;
}

/** Step 5's sign-in URL (alias or account id). Only for the signed-in attendee's own card. */
export async function consoleSignIn(): Promise<Result<{ url: string }>> {
  const session = await requireSession();
  if ("ok" in session) return session;
  try {
    const aws = awsFor(session, AWS_DEADLINES.checkMs);
    return ok({ url: consoleSignInUrl(await aliasOrAccountId(aws), aws.partition) });
  } catch (error) {
    return failureFrom(session, error);
  }
}

/** Step 6, first half: a virtual MFA device whose seed only the browser sees (never stored or logged). */
export async function startUserMfa(input: unknown): Promise<Result<MfaStart>> {
  const parsed = startMfaInput.safeParse(input);
  if (!parsed.success) return fail("invalid-input", { field: "userName" });
  const session = await requireSession();
  if ("ok" in session) return session;
  // A device made now could not be enabled before the credentials expire: say so first.
  if (!timeForMfaSetup(session)) return fail("credentials-expire-soon", { minutes: minutesLeft(session) });
  try {
    return await startVirtualMfa(awsFor(session, AWS_DEADLINES.fixMs), parsed.data.userName);
  } catch (error) {
    return failureFrom(session, error);
  }
}
