"use server";

import { z } from "zod";
import { deadFailure, sessionAction } from "@/lib/actions/session-action";
import { accountKey } from "@/lib/db/account-key";
import { fail, ok } from "@/lib/result";
import { ledgerFor } from "../ledger-store";
import { runCheck } from "../run";
import { teardownPlan } from "./discover";
import { isWorkshopId, type WorkshopId } from "@/workshops";
import { teardownEverywhereOf, teardownKindsOf } from "@/workshops/server";
import { oneAtATime, settled } from "./in-progress";
import { removeResource } from "./remove";
import { refSchema } from "./schemas";

/**
 * The teardown page's doors to lib/aws: plan, remove one resource, check at the end. Each
 * goes through sessionAction (lib/actions/session-action.ts). None takes a point from the
 * check limit: teardown is how an attendee stops paying for what the hands-on made, and a
 * refusal in the middle of it would leave billable resources behind (reasons per action).
 * Each names the workshop whose clean-up the page runs: its kinds are what may be removed
 * (any kind's removal still checks the resource is Hajime's, whatever the page says).
 */

const workshopId = z.string().refine(isWorkshopId).transform((id) => id as WorkshopId);

export const planTeardown = sessionAction({
  args: z.tuple([workshopId]),
  // No limit: the plan is the way into removing billable resources; an attendee who used up
  // their checks this minute must still be able to stop paying. The page plans once when it
  // loads (and again only after a change of session or Region); each plan has its deadline.
  rateLimit: "none",
  budget: "teardownPlanMs",
  run: async ({ args: [workshop], session, aws }) => {
    // A removal still running from before a reload would make the counts stale: wait for it.
    await settled(accountKey(session.identity.accountId));
    // The plan's budget starts now, after that wait.
    return ok(await teardownPlan(aws(), ledgerFor(session), teardownKindsOf(workshop)));
  },
});

export const removeTeardownItem = sessionAction({
  // The page passes its row's reference; from the browser it is only `unknown` until parsed.
  args: z.tuple([workshopId, z.unknown()]).transform(([workshop, ref], ctx) => {
    const parsed = refSchema(teardownKindsOf(workshop)).safeParse(ref);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: "not a resource of this workshop" });
      return z.NEVER;
    }
    return [workshop, parsed.data] as const;
  }),
  invalid: fail("invalid-input", { field: "resource" }),
  // No limit: removals must finish. The page calls this once per resource and again for each
  // slice of a bucket being emptied; a refusal half-way would leave billable resources behind.
  // Removals in one account run one at a time (oneAtATime), which bounds what a client can start.
  rateLimit: "none",
  budget: "teardownRemoveMs",
  run: ({ args: [workshop, ref], session, aws }) =>
    oneAtATime(accountKey(session.identity.accountId), `${ref.kind}/${ref.region}/${ref.name}`, () =>
      // The removal's budget starts when its turn comes, not while it waits for the one ahead.
      removeResource(aws(), ledgerFor(session), teardownKindsOf(workshop), ref),
    ),
});

/** Re-checks step 10 after a run and reports it like any other check. */
export const finishTeardown = sessionAction({
  args: z.tuple([workshopId]),
  // No limit: it runs once at the end of a teardown; refusing it would leave the room's board
  // without step 10 after the attendee removed everything.
  rateLimit: "none",
  budget: "teardownPlanMs",
  run: async ({ args: [workshop], aws }) => {
    const step = teardownEverywhereOf(workshop);
    if (!step) return fail("invalid-input", { field: "workshop" });
    const outcome = await runCheck(step, aws());
    return deadFailure([outcome]) ?? ok(outcome);
  },
  outcomes: (outcome) => [outcome],
});
