"use server";

import { z } from "zod";
import { awsFor } from "@/lib/credentials/current";
import { accountKey } from "@/lib/db/account-key";
import { AWS_DEADLINES } from "../deadlines";
import { fail, ok, type Result } from "../errors";
import { ledgerFor } from "../ledger-store";
import { isRegion } from "@/lib/regions";
import { reportOutcomes } from "../report";
import { runCheck, type CheckOutcome } from "../run";
import { endIfDead, failureFrom, requireSession } from "../session-guard";
import { discover } from "./discover";
import { oneAtATime, settled } from "./in-progress";
import { removeResource } from "./remove";
import { teardownEverywhere } from "./step";
import type { RemovalProgress, TeardownPlan } from "./types";

/** The teardown page's doors to lib/aws: plan, remove one resource, check at the end. */

export async function planTeardown(): Promise<Result<TeardownPlan>> {
  const session = await requireSession();
  if ("ok" in session) return session;
  try {
    // A removal still running from before a reload would make the counts stale: wait for it.
    await settled(accountKey(session.identity.accountId));
    const aws = awsFor(session, AWS_DEADLINES.teardownPlanMs);
    const found = await discover(aws, ledgerFor(session), { scope: "full", countObjects: true, trailStatus: true });
    const { missing: _, known: __, ...plan } = found;
    return ok(plan);
  } catch (error) {
    return failureFrom(session, error);
  }
}

const resourceRef = z.union([
  z.object({
    kind: z.enum(["trail", "bucket", "detector"]),
    name: z.string().min(1).max(255).regex(/^[A-Za-z0-9._-]+$/),
    // Hajime only ever makes things in the regions an attendee can choose.
    region: z.string().refine(isRegion),
  }),
  // A virtual MFA device: IAM names (letters, digits, +=,.@_-), IAM is global.
  z.object({ kind: z.literal("mfa-device"), name: z.string().min(1).max(128).regex(/^[\w+=,.@-]+$/), region: z.literal("global") }),
]);

export async function removeTeardownItem(input: unknown): Promise<Result<RemovalProgress>> {
  const ref = resourceRef.safeParse(input);
  if (!ref.success) return fail("invalid-input", { field: "resource" });
  const session = await requireSession();
  if ("ok" in session) return session;
  try {
    const { kind, region, name } = ref.data;
    return await oneAtATime(accountKey(session.identity.accountId), `${kind}/${region}/${name}`, () =>
      removeResource(awsFor(session, AWS_DEADLINES.teardownRemoveMs), ledgerFor(session), ref.data),
    );
  } catch (error) {
    return failureFrom(session, error);
  }
}

/** Re-checks step 10 after a run and reports it like any other check. */
export async function finishTeardown(): Promise<Result<CheckOutcome>> {
  const session = await requireSession();
  if ("ok" in session) return session;
  const outcome = await runCheck(teardownEverywhere, awsFor(session, AWS_DEADLINES.teardownPlanMs));
  const dead = await endIfDead(session, outcome.failure);
  if (dead) return dead;
  await reportOutcomes(session, [outcome]);
  return ok(outcome);
}
