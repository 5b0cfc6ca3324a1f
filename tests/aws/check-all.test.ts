import { CreateDetectorCommand } from "@aws-sdk/client-guardduty";
import { describe, expect, it } from "vitest";
import { createAws } from "@/lib/aws/clients";
import { ledgerForAccount } from "@/lib/aws/ledger-store";
import { REGISTRY } from "@/lib/aws/registry";
import { runChecks, runFix } from "@/lib/aws/run";
import { cloudtrail } from "@/workshops/account-security/steps/cloudtrail/server";
import { guardduty } from "@/workshops/account-security/steps/guardduty/server";
import { discover } from "@/lib/aws/teardown/discover";
import { FIRST_WORKSHOP_KINDS } from "@/workshops/account-security/kinds";
import type { TeardownDetail } from "@/lib/aws/teardown/types";
import { HAJIME_TAG_KEY, HAJIME_TAG_VALUE } from "@/lib/workshop/catalog";
import { newAttendee } from "../support/moto";
import type { Seen } from "../support/stalling-proxy";
import { behindStallingProxy } from "./behind-proxy";
import { uniqueBucket } from "./logging-support";

/**
 * Issue 12, item 1: "check all" reads only what can have changed. Step 10 answers from the
 * ledger and the session's Region (reads steps 7 and 8 make anyway), not from every Region;
 * the teardown page still looks everywhere. Requests are counted by a proxy in front of the
 * stricter stand-in.
 */

const behind = behindStallingProxy("hajime-check-all-");

async function counted<T>(work: () => Promise<T>): Promise<{ value: T; seen: Seen[] }> {
  const before = behind.proxy.seen().length;
  const value = await work();
  return { value, seen: behind.proxy.seen().slice(before) };
}

const key = (s: Seen) => `${s.service} ${s.region} ${s.operation}`;

describe("\"check all\" reads only what can have changed (issue 12)", () => {
  it("a fresh account: each read made once, at most 10 requests, GuardDuty and CloudTrail asked in the attendee's Region only", async () => {
    const keys = await newAttendee(behind.strictEndpoint);
    const aws = createAws({ keys, region: "ap-northeast-1", accountId: keys.accountId });
    const { value: outcomes, seen } = await counted(() => runChecks(REGISTRY, aws));
    expect(outcomes.filter((o) => o.failure)).toEqual([]);
    expect(seen.length).toBeLessThanOrEqual(10);
    const keys_ = seen.map(key);
    expect(keys_.filter((k, i) => keys_.indexOf(k) !== i)).toEqual([]);
    expect(new Set(seen.filter((s) => s.service === "guardduty" || s.service === "cloudtrail").map((s) => s.region))).toEqual(new Set(["ap-northeast-1"]));
    expect(outcomes.find((o) => o.id === "teardown")).toMatchObject({ state: "todo", detail: { remaining: [], cleaned: 0 } });
  });

  it("after steps 7 and 8 and a switch of Region, step 10 still names what Hajime made in the first one, reading it there only", async () => {
    const keys = await newAttendee(behind.strictEndpoint);
    const tokyo = createAws({ keys, region: "ap-northeast-1", accountId: keys.accountId });
    const ledger = ledgerForAccount(keys.accountId);
    const bucket = uniqueBucket();
    expect((await runFix(cloudtrail, tokyo, { bucketName: bucket, trailName: "hajime-trail", acknowledgeCost: true }, { ledger })).ok).toBe(true);
    expect((await runFix(guardduty, tokyo, {}, { ledger })).ok).toBe(true);

    const ireland = createAws({ keys, region: "eu-west-1", accountId: keys.accountId });
    const { value: outcomes, seen } = await counted(() => runChecks(REGISTRY, ireland));
    const step10 = outcomes.find((o) => o.id === "teardown")!;
    expect(step10.state).toBe("todo");
    expect((step10.detail as TeardownDetail).remaining.map(({ kind, region }) => `${kind} ${region}`).sort()).toEqual([
      "bucket ap-northeast-1",
      "detector ap-northeast-1",
      "trail ap-northeast-1",
    ]);
    expect(new Set(seen.filter((s) => s.service === "guardduty").map((s) => s.region))).toEqual(new Set(["eu-west-1", "ap-northeast-1"]));
  });

  it("a Hajime detector the ledger does not know, in another Region, is found by the teardown page; \"check all\" knows it from then on", async () => {
    const keys = await newAttendee(behind.strictEndpoint);
    const aws = createAws({ keys, region: "ap-northeast-1", accountId: keys.accountId });
    const oregon = createAws({ keys, region: "us-west-2", accountId: keys.accountId });
    // Made by a Hajime server that has since lost its database: tagged, not in this ledger.
    const { DetectorId } = await oregon.guardduty.send(new CreateDetectorCommand({ Enable: true, Tags: { [HAJIME_TAG_KEY]: HAJIME_TAG_VALUE } }));
    const ledger = ledgerForAccount(keys.accountId);
    const step10 = async () => (await runChecks(REGISTRY, aws)).find((o) => o.id === "teardown")!;

    expect(await step10()).toMatchObject({ state: "todo", detail: { remaining: [] } });
    const plan = await discover(aws, ledger, FIRST_WORKSHOP_KINDS, { scope: "full" });
    expect(plan.remove).toContainEqual({ kind: "detector", name: DetectorId, region: "us-west-2", enabled: true });
    expect(await step10()).toMatchObject({ state: "todo", detail: { remaining: [{ kind: "detector", name: DetectorId, region: "us-west-2" }] } });
  });
});
