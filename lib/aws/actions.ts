"use server";

import { z } from "zod";
import { deadFailure, sessionAction } from "@/lib/actions/session-action";
import { minutesLeft, timeForMfaSetup } from "@/lib/credentials/expiry";
import { affectedBy, isStepId, type StepId } from "@/workshops";
import { serverStep } from "@/workshops/server";
import { consoleSignInUrl } from "@/lib/workshop/sign-in-url";
import { fail, ok } from "@/lib/result";
import { aliasOrAccountId } from "./iam-users";
import { ledgerFor } from "./ledger-store";
import { REGISTRY, stepById } from "./registry";
import { runCheck, runChecks, runFixAndCheck } from "./run";
import type { AnyStep } from "./step";
import { startMfaInput, startVirtualMfa } from "@/workshops/account-security/steps/user-mfa/server";

/**
 * The only door from the UI to lib/aws. Every action goes through sessionAction
 * (lib/actions/session-action.ts) and returns a value, never throws.
 */

/** A step id from the browser, as the step itself (invalid-input "step" otherwise). */
const knownStep = z.unknown().transform((id, ctx): AnyStep => {
  const step = isStepId(id) ? stepById(id as StepId) : undefined;
  if (!step) {
    ctx.addIssue({ code: "custom", message: "step" });
    return z.NEVER;
  }
  return step;
});

/** A step that has a fix ("no-fix" for a known step without one). */
const fixableStep = knownStep.transform((step, ctx): AnyStep => {
  if (!step.fix) {
    ctx.addIssue({ code: "custom", message: "no-fix" });
    return z.NEVER;
  }
  return step;
});

export const checkAll = sessionAction({
  args: z.tuple([z.array(z.string().max(40)).max(20).optional()]),
  invalid: fail("invalid-input", { field: "steps" }),
  rateLimit: "checks",
  budget: "checkMs",
  run: async ({ args: [only], aws }) => {
    // The page's steps (any one workshop's, or a room's choice of them); the default workshop's without.
    const steps = only ? [...new Set(only)].filter(isStepId).map((id) => stepById(id as StepId)).filter((s): s is AnyStep => s !== undefined) : REGISTRY;
    const outcomes = await runChecks(steps, aws());
    return deadFailure(outcomes) ?? ok(outcomes);
  },
  outcomes: (outcomes) => outcomes,
});

export const checkStep = sessionAction({
  args: z.tuple([knownStep]),
  invalid: fail("invalid-input", { field: "step" }),
  rateLimit: "checks",
  budget: "checkMs",
  run: async ({ args: [step], aws }) => {
    const outcome = await runCheck(step, aws());
    return deadFailure([outcome]) ?? ok(outcome);
  },
  outcomes: (outcome) => [outcome],
});

/**
 * Runs a step's fix, then its check, so the card shows the state AWS now reports; after a
 * success also the checks of the steps it affects (its meta's `affects`).
 */
export const fixStep = sessionAction({
  // The fix's own input is validated by the step's schema (lib/aws/run.ts).
  args: z.tuple([fixableStep, z.unknown().optional()]),
  invalid: (error) => (error.issues[0]?.message === "no-fix" ? fail("no-fix") : fail("invalid-input", { field: "step" })),
  rateLimit: "checks",
  budget: "fixMs",
  run: ({ args: [step, input], aws, session }) =>
    runFixAndCheck(step, aws(), input, { ledger: ledgerFor(session) }, affectedBy(step.id).map(serverStep)),
  outcomes: (done) => [done.outcome, ...done.affected],
});

/** Step 5's sign-in URL (alias or account id). Only for the signed-in attendee's own card. */
export const consoleSignIn = sessionAction({
  args: z.tuple([]),
  rateLimit: "checks",
  budget: "checkMs",
  run: async ({ aws }) => ok({ url: consoleSignInUrl(await aliasOrAccountId(aws()), aws().partition) }),
});

/** Step 6, first half: a virtual MFA device whose seed only the browser sees (never stored or logged). */
export const startUserMfa = sessionAction({
  args: z.tuple([startMfaInput]),
  invalid: fail("invalid-input", { field: "userName" }),
  rateLimit: "checks",
  budget: "fixMs",
  run: async ({ args: [input], session, aws }) => {
    // A device made now could not be enabled before the credentials expire: say so first.
    if (!timeForMfaSetup(session)) return fail("credentials-expire-soon", { minutes: minutesLeft(session) });
    return startVirtualMfa(aws(), input.userName);
  },
});
