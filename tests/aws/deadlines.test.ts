import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { afterEach, describe, expect, it } from "vitest";
import { createAws } from "@/lib/aws/clients";
import { AWS_DEADLINES } from "@/lib/aws/deadlines";
import { toFailure } from "@/lib/aws/errors";
import { MemoryLedger } from "@/lib/aws/ledger";
import { createBucket } from "@/lib/aws/logging/buckets";
import { REGISTRY } from "@/lib/aws/registry";
import { runCheck, runChecks } from "@/lib/aws/run";
import { passwordPolicy } from "@/workshops/account-security/steps/password-policy/server";
import { rootAccessKeys } from "@/workshops/account-security/steps/root-access-keys/server";
import { discover } from "@/lib/aws/teardown/discover";
import { FIRST_WORKSHOP_KINDS } from "@/workshops/account-security/kinds";
import { newAttendee } from "../support/moto";
import { behindStallingProxy } from "./behind-proxy";
import { uniqueBucket } from "./logging-support";

/**
 * Issue 12: every AWS call has a deadline (connect, socket idle, the whole call with its
 * retries, and the server action's calls together), and a call past it is an "aws-timeout"
 * failure, never a hang. AWS is reached through a proxy in front of this file's stricter
 * stand-in that can stop answering on an open keep-alive connection, the case that hung
 * calls for up to 5 minutes (the SDK's default socket timeout) before.
 *
 * Deadlines are shortened here so that a hang shows as a failed test within seconds; the
 * time limits on the tests only turn a hang into a failure, nothing is timed.
 */

const behind = behindStallingProxy("hajime-deadlines-");
const saved = { ...AWS_DEADLINES };
const HANG_GUARD_MS = 20_000;

/**
 * An attendee reaching AWS through the proxy, whose account has answered once already (a new
 * moto account's first IAM call loads the managed policies: slow, and not what is tested).
 */
async function attendeeBehindProxy(budgetMs?: () => number) {
  const keys = await newAttendee(behind.strictEndpoint);
  const target = { keys, region: "ap-northeast-1", accountId: keys.accountId };
  behind.proxy.mode("pass");
  // A first call opens a connection and leaves it open for the next (keep-alive).
  await createAws(target).iam.send(new GetAccountSummaryCommand({}));
  return { fresh: () => createAws(target, { budgetMs: budgetMs?.() }) };
}

/** Deadlines short enough that a hang shows within seconds, for what follows. */
function shortDeadlines() {
  Object.assign(AWS_DEADLINES, { callMs: 1_500, checkMs: 2_500 });
}

afterEach(() => {
  Object.assign(AWS_DEADLINES, saved);
  behind.proxy.mode("pass");
});

async function until(condition: () => boolean, ms = 10_000) {
  for (const end = Date.now() + ms; !condition(); ) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

describe("every AWS call has a deadline (issue 12)", () => {
  it(
    "a check whose endpoint stops answering on an open keep-alive connection fails with aws-timeout, and lets go of the connection",
    async () => {
      const attendee = await attendeeBehindProxy();
      const aws = attendee.fresh();
      expect((await runCheck(rootAccessKeys, aws)).state).toBe("done");
      const reusedBefore = behind.proxy.onReusedConnections();

      shortDeadlines();
      behind.proxy.mode("stall");
      const outcome = await runCheck(passwordPolicy, aws);
      expect(outcome).toMatchObject({ state: "unknown", failure: { ok: false, code: "aws-timeout" } });
      // The stalled request went out on the connection kept alive from the first call.
      expect(behind.proxy.onReusedConnections()).toBeGreaterThan(reusedBefore);
      // Nothing is left waiting on AWS: the connection of every stalled attempt is closed.
      expect(await until(() => behind.proxy.stalledOpen() === 0)).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it(
    "'check all' on a stalled endpoint answers every card with aws-timeout, all within the action's budget",
    async () => {
      const attendee = await attendeeBehindProxy(() => AWS_DEADLINES.checkMs);
      shortDeadlines();
      behind.proxy.mode("stall");
      const outcomes = await runChecks(REGISTRY, attendee.fresh());
      expect(outcomes.map((o) => [o.id, o.state, o.failure?.code])).toEqual(REGISTRY.map((s) => [s.id, "unknown", "aws-timeout"]));
      expect(await until(() => behind.proxy.stalledOpen() === 0)).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it(
    "a call's deadline includes its retries: an endpoint answering 503 slowly ends in aws-timeout before the SDK's five attempts",
    async () => {
      const aws = (await attendeeBehindProxy()).fresh();
      const before = behind.proxy.requests();
      // Five attempts take at least 5 × 500 ms, longer than the call's 1.5 s.
      shortDeadlines();
      behind.proxy.mode("failing", 500);
      const failure = await aws.iam.send(new GetAccountSummaryCommand({})).then(
        () => undefined,
        (error: unknown) => toFailure(error),
      );
      expect(failure).toEqual({ ok: false, code: "aws-timeout" });
      const attempts = behind.proxy.requests() - before;
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(attempts).toBeLessThan(5);
    },
    HANG_GUARD_MS,
  );

  it(
    "a teardown plan whose bucket tags AWS does not answer in time fails with aws-timeout, rather than calling the bucket unreadable",
    async () => {
      const attendee = await attendeeBehindProxy();
      const aws = attendee.fresh();
      const bucket = uniqueBucket();
      expect((await createBucket(aws, bucket, aws.region)).kind).toBe("created");
      shortDeadlines();
      behind.proxy.mode("stall", 0, (r) => r.service === "s3" && r.operation.endsWith("?tagging"));
      const failure = await discover(aws, new MemoryLedger(), FIRST_WORKSHOP_KINDS, { scope: "full" }).then(
        (plan) => plan.keep,
        (error: unknown) => toFailure(error),
      );
      expect(failure).toEqual({ ok: false, code: "aws-timeout" });
    },
    HANG_GUARD_MS,
  );

  it(
    "a server action's calls share its budget: calls each well within their own deadline still stop at the action's",
    async () => {
      const aws = (await attendeeBehindProxy(() => 1_000)).fresh();
      // Each call takes 400 ms, well within the 1.5 s a call may take; four take 1.6 s.
      shortDeadlines();
      behind.proxy.mode("slow", 400);
      const fourInARow = async () => {
        for (let i = 0; i < 4; i++) await aws.iam.send(new GetAccountSummaryCommand({}));
      };
      const failure = await fourInARow().then(
        () => undefined,
        (error: unknown) => toFailure(error),
      );
      expect(failure).toEqual({ ok: false, code: "aws-timeout" });
    },
    HANG_GUARD_MS,
  );
});
