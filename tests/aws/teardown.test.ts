import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetTrailStatusCommand, OperationNotPermittedException, StopLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { CreateVirtualMFADeviceCommand, ListVirtualMFADevicesCommand } from "@aws-sdk/client-iam";
import { generate } from "otplib";
import { CreateDetectorCommand } from "@aws-sdk/client-guardduty";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { createAws } from "@/lib/aws/clients";
import { MemoryLedger } from "@/lib/aws/ledger";
import { ledgerForAccount } from "@/lib/aws/ledger-store";
import { runCheck, runFix } from "@/lib/aws/run";
import { adminGroup } from "@/workshops/account-security/steps/admin-group/server";
import { cloudtrail } from "@/workshops/account-security/steps/cloudtrail/server";
import { guardduty } from "@/workshops/account-security/steps/guardduty/server";
import { iamUser } from "@/workshops/account-security/steps/iam-user/server";
import { startVirtualMfa, userMfa } from "@/workshops/account-security/steps/user-mfa/server";
import { discover } from "@/lib/aws/teardown/discover";
import { removeResource } from "@/lib/aws/teardown/remove";
import { FIRST_WORKSHOP_KINDS } from "@/workshops/account-security/kinds";
import { teardown } from "@/workshops/account-security/steps/teardown/server";
import { checkTeardown } from "@/lib/aws/teardown/step";
import { createBucket } from "@/lib/aws/logging/buckets";
import { mapLimit } from "@/lib/aws/map-limit";
import { attendee } from "./attendee";
import { bucketExists, detectorIds, detectorStatus, givenTrail, runTeardown, trailNames, uniqueBucket, versionCount } from "./logging-support";
import { strictAws } from "./strict";

beforeAll(() => {
  // Step 10's registered check reads the SQLite ledger: give it a scratch DATA_DIR.
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "hajime-teardown-"));
});

async function steps7and8(aws: Parameters<typeof discover>[0], ledger: MemoryLedger, bucket = uniqueBucket()) {
  const input = { bucketName: bucket, trailName: "hajime-trail", acknowledgeCost: true };
  expect((await runFix(cloudtrail, aws, input, { ledger })).ok).toBe(true);
  expect((await runFix(guardduty, aws, {}, { ledger })).ok).toBe(true);
  return bucket;
}

describe("step 10: teardown (moto)", () => {
  it("removes exactly Hajime's trail, bucket and detector; the attendee's own survive untouched", async () => {
    const { aws, keys } = await attendee("ap-northeast-1");
    // What the attendee had before the hands-on: a trail writing to their own bucket, and
    // GuardDuty in another region. None of it is tagged.
    const { bucket: theirs } = await givenTrail(aws, { name: "company-audit", multiRegion: true });
    await aws.s3.send(new PutObjectCommand({ Bucket: theirs, Key: "keep.txt", Body: "mine" }));
    const west = createAws({ keys, region: "us-west-2", accountId: keys.accountId });
    const { DetectorId: theirDetector } = await west.guardduty.send(new CreateDetectorCommand({ Enable: true }));

    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    const [hajimeDetector] = await detectorIds(aws);

    const { plan, results } = await runTeardown(aws, ledger);
    expect(plan.remove.map(({ kind, name, region }) => ({ kind, name, region }))).toEqual([
      { kind: "trail", name: "hajime-trail", region: "ap-northeast-1" },
      { kind: "bucket", name: bucket, region: "ap-northeast-1" },
      { kind: "detector", name: hajimeDetector, region: "ap-northeast-1" },
    ]);
    expect(plan.keep).toEqual(
      expect.arrayContaining([
        { kind: "trail", name: "company-audit", region: "ap-northeast-1", reason: "not-hajime" },
        { kind: "bucket", name: theirs, region: "ap-northeast-1", reason: "not-hajime" },
        { kind: "detector", name: theirDetector, region: "us-west-2", reason: "not-hajime" },
      ]),
    );
    expect(results.map((r) => r.result)).toEqual(["removed", "removed", "removed"]);

    expect(await trailNames(aws)).toEqual(["company-audit"]);
    expect((await aws.cloudtrail.send(new GetTrailStatusCommand({ Name: "company-audit" }))).IsLogging).toBe(true);
    expect(await bucketExists(aws, bucket)).toBe(false);
    expect(await bucketExists(aws, theirs)).toBe(true);
    expect(await versionCount(aws, theirs)).toBe(1);
    expect(await detectorIds(aws)).toEqual([]);
    expect(await detectorIds(aws, "us-west-2")).toEqual([theirDetector]);
    expect(await detectorStatus(aws, theirDetector!, "us-west-2")).toBe("ENABLED");

    expect(ledger.list()).toEqual([]);
    expect(await checkTeardown(aws, ledger, FIRST_WORKSHOP_KINDS)).toMatchObject({ state: "done", detail: { remaining: [], cleaned: 3 } });
  });

  it("empties a versioned bucket of 1,500 objects and delete markers, paging past 1,000, and removes it", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    await aws.s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
    const keys = Array.from({ length: 1500 }, (_, i) => `AWSLogs/test/${String(i).padStart(4, "0")}.json.gz`);
    await mapLimit(keys, 16, (Key) => aws.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: "{}" })));
    // A second version of some, and delete markers on others.
    await mapLimit(keys.slice(0, 100), 16, (Key) => aws.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: "{ }" })));
    await mapLimit(keys.slice(100, 300), 16, (Key) => aws.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key })));
    expect(await versionCount(aws, bucket)).toBe(1800);

    const { plan, results } = await runTeardown(aws, ledger);
    expect(plan.remove.find((r) => r.kind === "bucket")?.objects).toEqual({ count: 1800, capped: false });
    expect(results.map((r) => r.result)).toEqual(["removed", "removed", "removed"]);
    expect(await bucketExists(aws, bucket)).toBe(false);
  });

  it("shows progress on a big bucket: one call per time slice, until removed", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    const keys = Array.from({ length: 1200 }, (_, i) => `k/${i}`);
    await mapLimit(keys, 16, (Key) => aws.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: "x" })));
    await runTeardown(aws, new MemoryLedger()); // tags alone find them; the bucket goes last
    expect(await bucketExists(aws, bucket)).toBe(false);

    const again = await steps7and8(aws, ledger, uniqueBucket());
    await mapLimit(keys, 16, (Key) => aws.s3.send(new PutObjectCommand({ Bucket: again, Key, Body: "x" })));
    const trail = (await discover(aws, ledger, FIRST_WORKSHOP_KINDS)).remove.find((r) => r.kind === "trail")!;
    expect((await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, trail)).ok).toBe(true);
    const first = await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, { kind: "bucket", name: again, region: aws.region }, 0);
    expect(first).toEqual({ ok: true, data: { status: "emptying", deleted: 1000 } });
    const second = await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, { kind: "bucket", name: again, region: aws.region }, 0);
    expect(second).toEqual({ ok: true, data: { status: "emptying", deleted: 200 } });
    const third = await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, { kind: "bucket", name: again, region: aws.region }, 0);
    expect(third).toEqual({ ok: true, data: { status: "removed" } });
  });

  it("run twice: the second run finds nothing to do and the step stays done", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    await steps7and8(aws, ledger);
    await runTeardown(aws, ledger);
    const second = await runTeardown(aws, ledger);
    expect(second.plan.remove).toEqual([]);
    expect(second.results).toEqual([]);
    expect((await checkTeardown(aws, ledger, FIRST_WORKSHOP_KINDS)).state).toBe("done");
  });

  it("a removal asked for twice (two tabs) is 'gone' the second time", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    const [id] = await detectorIds(aws);
    const refs = [
      { kind: "trail" as const, name: "hajime-trail", region: aws.region },
      { kind: "bucket" as const, name: bucket, region: aws.region },
      { kind: "detector" as const, name: id, region: aws.region },
    ];
    for (const ref of refs) expect(await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, ref)).toEqual({ ok: true, data: { status: "removed" } });
    for (const ref of refs) expect(await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, ref)).toEqual({ ok: true, data: { status: "gone" } });
  });

  it("finishes after a half-done teardown (trail removed, bucket and detector left)", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    expect(await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, { kind: "trail", name: "hajime-trail", region: aws.region })).toMatchObject({ ok: true });
    expect(await checkTeardown(aws, ledger, FIRST_WORKSHOP_KINDS)).toMatchObject({ state: "todo", detail: { cleaned: 1 } });
    const { plan, results } = await runTeardown(aws, ledger);
    expect(plan.remove.map((r) => r.kind)).toEqual(["bucket", "detector"]);
    expect(results.map((r) => r.result)).toEqual(["removed", "removed"]);
    expect(await bucketExists(aws, bucket)).toBe(false);
    expect((await checkTeardown(aws, ledger, FIRST_WORKSHOP_KINDS)).state).toBe("done");
  });

  it("after a half-done step 7 (bucket made, no trail) removes the bucket", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = uniqueBucket();
    await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail", stage: "bucket" }, { ledger });
    const { plan, results } = await runTeardown(aws, ledger);
    expect(plan.remove.map((r) => r.kind)).toEqual(["bucket"]);
    expect(results.map((r) => r.result)).toEqual(["removed"]);
    expect(await bucketExists(aws, bucket)).toBe(false);
  });

  it("after a step 7 that died right after CreateBucket (recorded, not yet tagged) removes the bucket", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = uniqueBucket();
    expect(await createBucket(aws, bucket, aws.region)).toEqual({ kind: "created", region: aws.region });
    await ledger.remember({ kind: "bucket", name: bucket, region: aws.region });
    const { results } = await runTeardown(aws, ledger);
    expect(results).toEqual([{ ref: { kind: "bucket", name: bucket, region: aws.region }, result: "removed", calls: 1 }]);
  });

  it("after a step 7 whose trail never started logging removes trail and bucket", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    await aws.cloudtrail.send(new StopLoggingCommand({ Name: "hajime-trail" }));
    const { results } = await runTeardown(aws, ledger);
    expect(results.map((r) => r.result)).toEqual(["removed", "removed", "removed"]);
    expect(await trailNames(aws)).toEqual([]);
    expect(await bucketExists(aws, bucket)).toBe(false);
  });

  it("after the server forgot everything, finds Hajime's resources by their tags", async () => {
    const { aws } = await attendee();
    const bucket = await steps7and8(aws, new MemoryLedger());
    const amnesiac = new MemoryLedger();
    const { plan, results } = await runTeardown(aws, amnesiac);
    expect(plan.remove.map((r) => r.kind)).toEqual(["trail", "bucket", "detector"]);
    expect(results.map((r) => r.result)).toEqual(["removed", "removed", "removed"]);
    expect(await bucketExists(aws, bucket)).toBe(false);
  });

  it("finds and empties the bucket after the attendee switched region", async () => {
    const { aws, keys } = await attendee("ap-northeast-1");
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    await aws.s3.send(new PutObjectCommand({ Bucket: bucket, Key: "AWSLogs/x.json.gz", Body: "{}" }));
    const elsewhere = createAws({ keys, region: "eu-west-1", accountId: keys.accountId });
    const { plan, results } = await runTeardown(elsewhere, ledger);
    expect(plan.remove.map(({ kind, region }) => ({ kind, region }))).toEqual([
      { kind: "trail", region: "ap-northeast-1" },
      { kind: "bucket", region: "ap-northeast-1" },
      { kind: "detector", region: "ap-northeast-1" },
    ]);
    expect(results.map((r) => r.result)).toEqual(["removed", "removed", "removed"]);
    expect(await bucketExists(aws, bucket)).toBe(false);
    expect(await detectorIds(aws)).toEqual([]);
  });

  // Issue 8, item 3: an enabled detector keeps billing; Hajime restores the state it found.
  it("turns a detector the attendee had, off, and Hajime re-enabled off again: in the plan, never deleted", async () => {
    const { aws } = await attendee();
    const { DetectorId } = await aws.guardduty.send(new CreateDetectorCommand({ Enable: false }));
    const ledger = new MemoryLedger();
    await steps7and8(aws, ledger);
    expect(await detectorStatus(aws, DetectorId!)).toBe("ENABLED");
    expect((await checkTeardown(aws, ledger, FIRST_WORKSHOP_KINDS)).detail).toMatchObject({
      remaining: expect.arrayContaining([{ kind: "detector", name: DetectorId, region: aws.region, action: "disable" }]),
    });

    const { plan, results } = await runTeardown(aws, ledger);
    expect(plan.remove).toContainEqual({ kind: "detector", name: DetectorId, region: aws.region, enabled: true, action: "disable" });
    expect(plan.keep.filter((k) => k.kind === "detector")).toEqual([]);
    expect(results.map((r) => r.result)).toEqual(["removed", "removed", "restored"]);
    expect(await detectorIds(aws)).toEqual([DetectorId]);
    expect(await detectorStatus(aws, DetectorId!)).toBe("DISABLED");
    expect(await checkTeardown(aws, ledger, FIRST_WORKSHOP_KINDS)).toMatchObject({ state: "done", detail: { remaining: [], cleaned: 3 } });
    // Asked again, it is the attendee's as it was: nothing to do, and never deleted.
    expect((await runTeardown(aws, ledger)).plan.remove).toEqual([]);
    expect(await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, { kind: "detector", name: DetectorId!, region: aws.region })).toEqual({ ok: false, code: "not-hajime" });
    expect(await detectorIds(aws)).toEqual([DetectorId]);
  });

  it("refuses to remove what is not Hajime's, whatever the request names", async () => {
    const { aws } = await attendee();
    const { bucket: theirs } = await givenTrail(aws, { name: "their-trail", logging: false });
    const { DetectorId } = await aws.guardduty.send(new CreateDetectorCommand({ Enable: true }));
    const ledger = new MemoryLedger();
    for (const ref of [
      { kind: "trail" as const, name: "their-trail", region: aws.region },
      { kind: "bucket" as const, name: theirs, region: aws.region },
      { kind: "detector" as const, name: DetectorId!, region: aws.region },
    ]) {
      expect(await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, ref)).toEqual({ ok: false, code: "not-hajime" });
    }
    expect(await bucketExists(aws, theirs)).toBe(true);
    expect(await trailNames(aws)).toEqual(["their-trail"]);
  });

  it("will not delete a Hajime bucket that a trail still writes to", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    expect(await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, { kind: "bucket", name: bucket, region: aws.region })).toEqual({
      ok: false,
      code: "bucket-in-use",
      params: { trail: "hajime-trail" },
    });
    expect(await bucketExists(aws, bucket)).toBe(true);
  });

  it("step 10 is not done for an attendee who never made anything, and is done after teardown (SQLite ledger)", async () => {
    const { aws, accountId } = await attendee();
    expect(await runCheck(teardown, aws)).toMatchObject({ state: "todo", detail: { remaining: [], cleaned: 0 } });
    const ledger = ledgerForAccount(accountId);
    const bucket = uniqueBucket();
    expect((await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger })).ok).toBe(true);
    expect(await runCheck(teardown, aws)).toMatchObject({
      state: "todo",
      detail: {
        remaining: [
          { kind: "trail", name: "hajime-trail", region: aws.region },
          { kind: "bucket", name: bucket, region: aws.region },
        ],
      },
    });
    await runTeardown(aws, ledgerForAccount(accountId));
    expect(await runCheck(teardown, aws)).toMatchObject({ state: "done", detail: { remaining: [], cleaned: 2 } });
  });
});

/** Issue 8, items 7 and 8: teardown planning on a real account's awkward corners (stricter stand-in). */
describe("step 10 against AWS's rules (stricter stand-in)", () => {
  it("plans around a bucket whose policy denies GetBucketTagging: kept, 'could not read'; Hajime's still removed", async () => {
    const { aws, accountId } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = await steps7and8(aws, ledger);
    const locked = uniqueBucket("locked");
    await aws.s3.send(new CreateBucketCommand({ Bucket: locked, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
    await aws.s3.send(
      new PutBucketPolicyCommand({
        Bucket: locked,
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Sid: "NoTagReads", Effect: "Deny", Principal: "*", Action: "s3:GetBucketTagging", Resource: `arn:aws:s3:::${locked}` }],
        }),
      }),
    );
    const { plan, results } = await runTeardown(aws, ledger);
    expect(plan.keep).toContainEqual({ kind: "bucket", name: locked, region: "ap-northeast-1", reason: "unreadable" });
    expect(plan.remove.map((r) => r.name)).toContain(bucket);
    expect(results.map((r) => r.result)).toEqual(["removed", "removed", "removed"]);
    expect(await bucketExists(aws, locked)).toBe(true);
    expect(accountId).toBeTruthy();
  });

  it("finds Hajime's trail by its tag beside an organization trail of another account (ListTags would refuse the batch)", async () => {
    const { aws, accountId } = await attendee();
    strictAws().configure(accountId, {
      organizationTrail: { name: "org-trail", homeRegion: "ap-northeast-1", managementAccount: "999900001111", bucket: "org-logs", status: "logging", selectors: "all" },
    });
    await steps7and8(aws, new MemoryLedger(), uniqueBucket());
    // The server forgot everything: only tags say what is Hajime's.
    const { plan } = await runTeardown(aws, new MemoryLedger());
    expect(plan.remove.map((r) => `${r.kind}:${r.name}`)).toEqual(expect.arrayContaining(["trail:hajime-trail"]));
    expect(plan.keep).toContainEqual({ kind: "trail", name: "org-trail", region: "ap-northeast-1", reason: "not-hajime" });
  });

  // A ListTags batch can fail for reasons the stand-in does not model: a stand-in for that one
  // call (a client middleware) refuses every ListTags request of more than one ARN.
  it("asks one ARN at a time when a ListTags batch fails", async () => {
    const { aws } = await attendee();
    await givenTrail(aws, { name: "their-trail", logging: false });
    await steps7and8(aws, new MemoryLedger(), uniqueBucket());
    const client = aws.cloudtrailIn("ap-northeast-1");
    const asked: number[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const ids = (args.input as { ResourceIdList?: string[] }).ResourceIdList;
        if (context.commandName === "ListTagsCommand" && ids) {
          asked.push(ids.length);
          if (ids.length > 1) throw new OperationNotPermittedException({ message: "The operation is not permitted.", $metadata: { httpStatusCode: 400 } });
        }
        return next(args);
      },
      { step: "initialize", name: "refuseListTagsBatches" },
    );
    try {
      const found = await discover(aws, new MemoryLedger(), FIRST_WORKSHOP_KINDS);
      expect(found.remove.map((r) => `${r.kind}:${r.name}`)).toContain("trail:hajime-trail");
      expect(found.keep).toContainEqual({ kind: "trail", name: "their-trail", region: "ap-northeast-1", reason: "not-hajime" });
      expect(asked).toEqual([2, 1, 1]);
    } finally {
      client.middlewareStack.remove("refuseListTagsBatches");
    }
  });

  it("removes Hajime's unused MFA devices from an abandoned step 6, never an enabled one or the attendee's own", async () => {
    const { aws } = await attendee();
    expect((await runFix(adminGroup, aws, {}, { ledger: new MemoryLedger() })).ok).toBe(true);
    for (const userName of ["taro", "hanako"]) {
      expect((await runFix(iamUser, aws, { userName, password: "Kd7#mPq2xW!vT9" }, { ledger: new MemoryLedger() })).ok).toBe(true);
    }
    // taro: step 6 started and abandoned. hanako: finished. Plus a device the attendee made in the console.
    expect(await startVirtualMfa(aws, "taro")).toMatchObject({ ok: true, data: { state: "created" } });
    const hanako = await startVirtualMfa(aws, "hanako");
    if (!hanako.ok || hanako.data.state !== "created") throw new Error("no device");
    const now = Math.floor(Date.now() / 1000);
    const codes = { code1: await generate({ secret: hanako.data.secret, epoch: now }), code2: await generate({ secret: hanako.data.secret, epoch: now + 30 }) };
    expect((await runFix(userMfa, aws, { userName: "hanako", serialNumber: hanako.data.serialNumber, ...codes }, { ledger: new MemoryLedger() })).ok).toBe(true);
    await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "my-spare" }));

    const ledger = new MemoryLedger();
    const { plan, results } = await runTeardown(aws, ledger);
    expect(plan.remove).toEqual([{ kind: "mfa-device", name: "taro", region: "global" }]);
    expect(results).toEqual([{ ref: { kind: "mfa-device", name: "taro", region: "global" }, result: "removed", calls: 1 }]);
    const left = ((await aws.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Any" }))).VirtualMFADevices ?? []).map((d) => d.SerialNumber!.split("mfa/")[1]);
    expect(left.sort()).toEqual(["hanako", "my-spare"]);
    expect(await removeResource(aws, ledger, FIRST_WORKSHOP_KINDS, { kind: "mfa-device", name: "taro", region: "global" })).toEqual({ ok: true, data: { status: "gone" } });
  });
});
