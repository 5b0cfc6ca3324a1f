import {
  GetTrailStatusCommand,
  ListTagsCommand,
  PutEventSelectorsCommand,
  StopLoggingCommand,
} from "@aws-sdk/client-cloudtrail";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { createAws } from "@/lib/aws/clients";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { cloudtrail, type CloudTrailDetail } from "@/workshops/account-security/steps/cloudtrail/server";
import { HAJIME_TAG_KEY, HAJIME_TAG_VALUE } from "@/lib/workshop/catalog";
import { attendee } from "@/tests/aws/attendee";
import { bucketExists, bucketTagSet, givenTrail, trailNames, uniqueBucket } from "@/tests/aws/logging-support";
import { strictAws } from "@/tests/aws/strict";

const HAJIME_TAG = { Key: HAJIME_TAG_KEY, Value: HAJIME_TAG_VALUE };

describe("step 7: CloudTrail (moto)", () => {
  it("makes a protected bucket and a logging multi-region trail, all tagged and recorded", async () => {
    const { aws, accountId } = await attendee("ap-northeast-1");
    const ledger = new MemoryLedger();
    const bucket = uniqueBucket();
    expect((await runCheck(cloudtrail, aws)).state).toBe("todo");

    const res = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger });
    expect(res).toMatchObject({
      ok: true,
      data: { bucket: { name: bucket, region: "ap-northeast-1", created: true }, trail: { name: "hajime-trail", created: true } },
    });

    const location = await aws.s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
    expect(location.LocationConstraint).toBe("ap-northeast-1");
    const bpa = await aws.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    expect(bpa.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const enc = await aws.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe("AES256");
    expect(await bucketTagSet(aws, bucket)).toContainEqual(HAJIME_TAG);

    // moto checks no bucket policy, so the test reads the one Hajime wrote.
    const policy = JSON.parse((await aws.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!);
    const trailArn = `arn:aws:cloudtrail:ap-northeast-1:${accountId}:trail/hajime-trail`;
    const acl = policy.Statement.find((s: { Sid: string }) => s.Sid === "AWSCloudTrailAclCheck");
    const write = policy.Statement.find((s: { Sid: string }) => s.Sid === "AWSCloudTrailWrite");
    expect(acl).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: `arn:aws:s3:::${bucket}`,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    });
    expect(write).toMatchObject({
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${bucket}/AWSLogs/${accountId}/*`,
      Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
    });

    const tags = await aws.cloudtrail.send(new ListTagsCommand({ ResourceIdList: [trailArn] }));
    expect(tags.ResourceTagList?.[0]?.TagsList).toContainEqual(HAJIME_TAG);
    expect((await aws.cloudtrail.send(new GetTrailStatusCommand({ Name: "hajime-trail" }))).IsLogging).toBe(true);

    const check = await runCheck(cloudtrail, aws);
    expect(check.state).toBe("done");
    expect((check.detail as CloudTrailDetail).trails).toEqual([
      expect.objectContaining({ name: "hajime-trail", multiRegion: true, logging: true, bucket, hajime: true }),
    ]);
    expect(JSON.stringify(check.detail)).not.toContain(accountId);
    expect(ledger.list()).toEqual([
      { kind: "bucket", name: bucket, region: "ap-northeast-1", origin: "created" },
      { kind: "trail", name: "hajime-trail", region: "ap-northeast-1", origin: "created" },
    ]);
  });

  it("run twice ends in the same state: one trail, one bucket, still logging", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = uniqueBucket();
    const input = { bucketName: bucket, trailName: "hajime-trail" };
    expect((await runFix(cloudtrail, aws, input, { ledger })).ok).toBe(true);
    const again = await runFix(cloudtrail, aws, input, { ledger });
    expect(again).toMatchObject({ ok: true, data: { bucket: { created: false }, trail: { created: false } } });
    expect(await trailNames(aws)).toEqual(["hajime-trail"]);
    expect((await runCheck(cloudtrail, aws)).state).toBe("done");
    expect(ledger.list()).toHaveLength(2);
  });

  it("is done for an attendee who already has a logging multi-region trail", async () => {
    const { aws } = await attendee();
    await givenTrail(aws, { name: "org-audit", multiRegion: true });
    const check = await runCheck(cloudtrail, aws);
    expect(check.state).toBe("done");
    expect((check.detail as CloudTrailDetail).trails).toEqual([
      expect.objectContaining({ name: "org-audit", logging: true, hajime: false }),
    ]);
  });

  it("is not done for a single-region trail, or a multi-region one that is not logging", async () => {
    const { aws } = await attendee();
    const { bucket } = await givenTrail(aws, { name: "one-region" });
    await givenTrail(aws, { name: "stopped", bucket, multiRegion: true, logging: false });
    const check = await runCheck(cloudtrail, aws);
    expect(check.state).toBe("todo");
    expect((check.detail as CloudTrailDetail).trails).toEqual([
      expect.objectContaining({ name: "stopped", multiRegion: true, logging: false }),
      expect.objectContaining({ name: "one-region", multiRegion: false, logging: true }),
    ]);
  });

  it("explains a bucket name another account holds, and changes nothing", async () => {
    const other = await attendee();
    const { aws } = await attendee();
    const bucket = uniqueBucket("taken");
    await other.aws.s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
    const ledger = new MemoryLedger();
    const res = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger });
    expect(res).toEqual({ ok: false, code: "bucket-name-taken", params: { bucket } });
    expect(await trailNames(aws)).toEqual([]);
    expect(ledger.list()).toEqual([]);
    expect(await bucketTagSet(other.aws, bucket)).toEqual([]);
  });

  it("never takes over a bucket of the attendee's own that Hajime did not make", async () => {
    const { aws } = await attendee();
    const bucket = uniqueBucket("mine");
    await aws.s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
    const ledger = new MemoryLedger();
    const res = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger });
    expect(res).toEqual({ ok: false, code: "bucket-exists-yours", params: { bucket } });
    expect(await bucketTagSet(aws, bucket)).toEqual([]);
    await expect(aws.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).rejects.toThrow();
    expect(await trailNames(aws)).toEqual([]);
  });

  it("refuses a trail name the attendee already uses, leaving their trail as it was", async () => {
    const { aws } = await attendee();
    const { bucket: theirs } = await givenTrail(aws, { name: "hajime-trail", logging: false });
    const res = await runFix(cloudtrail, aws, { bucketName: uniqueBucket(), trailName: "hajime-trail" }, { ledger: new MemoryLedger() });
    expect(res).toEqual({ ok: false, code: "trail-name-taken", params: { trail: "hajime-trail" } });
    const check = await runCheck(cloudtrail, aws);
    expect((check.detail as CloudTrailDetail).trails).toEqual([expect.objectContaining({ name: "hajime-trail", bucket: theirs, hajime: false })]);
  });

  it("refuses names that break S3's or CloudTrail's rules before calling AWS", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    expect(await runFix(cloudtrail, aws, { bucketName: "My_Bucket", trailName: "hajime-trail" }, { ledger })).toEqual({
      ok: false,
      code: "bucket-name-invalid",
      params: { problem: "uppercase" },
    });
    expect(await runFix(cloudtrail, aws, { bucketName: uniqueBucket(), trailName: "a--b" }, { ledger })).toEqual({
      ok: false,
      code: "trail-name-invalid",
      params: { problem: "adjacent-symbols" },
    });
    expect(ledger.list()).toEqual([]);
  });

  it("finishes a run that stopped after the bucket", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = uniqueBucket();
    const first = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail", stage: "bucket" }, { ledger });
    expect(first).toMatchObject({ ok: true, data: { bucket: { created: true }, trail: null } });
    expect(await trailNames(aws)).toEqual([]);
    expect((await runCheck(cloudtrail, aws)).state).toBe("todo");

    const second = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger });
    expect(second).toMatchObject({ ok: true, data: { bucket: { created: false }, trail: { created: true } } });
    expect((await runCheck(cloudtrail, aws)).state).toBe("done");
  });

  it("finishes after the server forgot everything: Hajime's tag on the bucket is enough", async () => {
    const { aws } = await attendee();
    const bucket = uniqueBucket();
    await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail", stage: "bucket" }, { ledger: new MemoryLedger() });
    const fresh = new MemoryLedger();
    const res = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger: fresh });
    expect(res.ok).toBe(true);
    expect(fresh.list().map((r) => r.kind).sort()).toEqual(["bucket", "trail"]);
  });

  it("restarts a Hajime trail that was stopped", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const bucket = uniqueBucket();
    await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger });
    const { StopLoggingCommand } = await import("@aws-sdk/client-cloudtrail");
    await aws.cloudtrail.send(new StopLoggingCommand({ Name: "hajime-trail" }));
    expect((await runCheck(cloudtrail, aws)).state).toBe("todo");
    expect((await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger })).ok).toBe(true);
    expect((await runCheck(cloudtrail, aws)).state).toBe("done");
  });

  it("creates the bucket without a LocationConstraint in us-east-1", async () => {
    const { aws } = await attendee("us-east-1");
    const bucket = uniqueBucket();
    const res = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger: new MemoryLedger() });
    expect(res).toMatchObject({ ok: true, data: { bucket: { region: "us-east-1" } } });
    const location = await aws.s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
    expect(location.LocationConstraint ?? null).toBeNull();
    expect(await bucketExists(aws, bucket)).toBe(true);
  });
});

/**
 * Issue 8, item 2 and the step 7 verdict, through the stricter AWS stand-in
 * (tests/support/strict-aws): event selectors as Security Hub CloudTrail.1 reads them,
 * organization trails seen from a member account, the cost of a second trail, five trails
 * per Region, and two attendees sharing one account.
 */
describe("step 7 against AWS's rules (stricter stand-in)", () => {
  const detailOf = async (aws: Parameters<typeof runCheck>[1]) => {
    const check = await runCheck(cloudtrail, aws);
    return { state: check.state, detail: check.detail as CloudTrailDetail };
  };

  it("is not done for a logging multi-region trail that records write events only (classic selectors), and says what is missing", async () => {
    const { aws } = await attendee();
    await givenTrail(aws, { name: "audit", multiRegion: true });
    expect((await detailOf(aws)).state).toBe("done"); // AWS's default: every management event
    await aws.cloudtrail.send(new PutEventSelectorsCommand({ TrailName: "audit", EventSelectors: [{ ReadWriteType: "WriteOnly", IncludeManagementEvents: true }] }));
    const { state, detail } = await detailOf(aws);
    expect(state).toBe("todo");
    expect(detail.recordedBy).toBeNull();
    expect(detail.trails[0]).toMatchObject({ name: "audit", logging: true, management: { read: false, write: true, excludedSources: [], onlySources: [] } });
  });

  it("reads advanced event selectors: read-only, or management events excluded, or an event source left out, do not count", async () => {
    const { aws } = await attendee();
    await givenTrail(aws, { name: "audit", multiRegion: true });
    const put = (FieldSelectors: { Field: string; Equals?: string[]; NotEquals?: string[] }[]) =>
      aws.cloudtrail.send(new PutEventSelectorsCommand({ TrailName: "audit", AdvancedEventSelectors: [{ Name: "Management events selector", FieldSelectors }] }));
    await put([{ Field: "eventCategory", Equals: ["Management"] }, { Field: "readOnly", Equals: ["true"] }]);
    expect(await detailOf(aws)).toMatchObject({ state: "todo", detail: { trails: [{ management: { read: true, write: false } }] } });
    await put([{ Field: "eventCategory", Equals: ["Management"] }, { Field: "eventSource", NotEquals: ["kms.amazonaws.com"] }]);
    expect(await detailOf(aws)).toMatchObject({ state: "todo", detail: { trails: [{ management: { read: true, write: true, excludedSources: ["kms.amazonaws.com"] } }] } });
    await put([{ Field: "eventCategory", Equals: ["Data"] }, { Field: "resources.type", Equals: ["AWS::S3::Object"] }]);
    expect(await detailOf(aws)).toMatchObject({ state: "todo", detail: { trails: [{ management: { read: false, write: false } }] } });
    await put([{ Field: "eventCategory", Equals: ["Management"] }]);
    expect(await detailOf(aws)).toMatchObject({ state: "done", detail: { recordedBy: { trail: "audit", kind: "trail" } } });
  });

  it("puts every management event back on Hajime's own trail when its selectors were narrowed", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const input = { bucketName: uniqueBucket(), trailName: "hajime-trail" };
    expect((await runFix(cloudtrail, aws, input, { ledger })).ok).toBe(true);
    await aws.cloudtrail.send(new PutEventSelectorsCommand({ TrailName: "hajime-trail", EventSelectors: [{ ReadWriteType: "ReadOnly" }] }));
    expect((await detailOf(aws)).state).toBe("todo");
    expect((await runFix(cloudtrail, aws, input, { ledger })).ok).toBe(true);
    expect((await detailOf(aws)).state).toBe("done");
  });

  it("counts an organization trail seen from a member account that cannot read its status or selectors, and says so", async () => {
    const { aws, accountId } = await attendee();
    strictAws().configure(accountId, {
      organizationTrail: { name: "org-trail", homeRegion: "us-east-1", managementAccount: "999900001111", bucket: "org-logs", status: "unreadable", selectors: "unreadable" },
    });
    const { state, detail } = await detailOf(aws);
    expect(state).toBe("done");
    expect(detail.recordedBy).toEqual({ trail: "org-trail", kind: "organization" });
    expect(detail.trails).toEqual([
      expect.objectContaining({ name: "org-trail", organization: true, fromOrganization: true, logging: null, management: null, hajime: false }),
    ]);
    expect(JSON.stringify(detail)).not.toContain("999900001111");
  });

  it("does not count an organization trail whose readable selectors fall short", async () => {
    const { aws, accountId } = await attendee();
    strictAws().configure(accountId, {
      organizationTrail: { name: "org-trail", homeRegion: "us-east-1", managementAccount: "999900001111", bucket: "org-logs", status: "logging", selectors: "write-only" },
    });
    expect(await detailOf(aws)).toMatchObject({ state: "todo", detail: { recordedBy: null, trails: [{ name: "org-trail", logging: true, management: { read: false } }] } });
  });

  it("makes no second (charged) trail unless the attendee confirmed, and creates nothing before", async () => {
    const { aws } = await attendee();
    await givenTrail(aws, { name: "one-region" });
    const ledger = new MemoryLedger();
    const bucket = uniqueBucket();
    for (const stage of ["bucket", "trail"] as const) {
      expect(await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail", stage }, { ledger })).toEqual({
        ok: false,
        code: "extra-trail-unconfirmed",
        params: { count: 1 },
      });
    }
    expect(await bucketExists(aws, bucket)).toBe(false);
    expect(ledger.list()).toEqual([]);
    const res = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail", acknowledgeCost: true }, { ledger });
    expect(res).toMatchObject({ ok: true, data: { trail: { created: true } } });
    expect((await runCheck(cloudtrail, aws)).state).toBe("done");
  });

  it("says so when the Region already has five trails (MaximumNumberOfTrailsExceededException)", async () => {
    const { aws } = await attendee();
    const { bucket } = await givenTrail(aws, { name: "trail-1", logging: false });
    for (const n of [2, 3, 4, 5]) await givenTrail(aws, { name: `trail-${n}`, bucket, logging: false });
    const res = await runFix(cloudtrail, aws, { bucketName: uniqueBucket(), trailName: "hajime-trail", acknowledgeCost: true }, { ledger: new MemoryLedger() });
    expect(res).toEqual({ ok: false, code: "trail-limit-reached", params: { region: "ap-northeast-1" } });
    expect(await trailNames(aws)).toEqual(["trail-1", "trail-2", "trail-3", "trail-4", "trail-5"]);
  });

  it("never re-points another attendee's Hajime trail in a shared account", async () => {
    const { aws, keys } = await attendee();
    const first = { bucketName: uniqueBucket("first"), trailName: "hajime-trail" };
    expect((await runFix(cloudtrail, aws, first, { ledger: new MemoryLedger() })).ok).toBe(true);
    await aws.cloudtrail.send(new StopLoggingCommand({ Name: "hajime-trail" }));
    // A second attendee, same account, own session and page: the default trail name, their own bucket.
    const second = createAws({ keys, region: "ap-northeast-1", accountId: keys.accountId });
    const res = await runFix(cloudtrail, second, { bucketName: uniqueBucket("second"), trailName: "hajime-trail", acknowledgeCost: true }, { ledger: new MemoryLedger() });
    expect(res).toEqual({ ok: false, code: "trail-name-in-use", params: { trail: "hajime-trail" } });
    const { detail } = await detailOf(aws);
    expect(detail.trails).toEqual([expect.objectContaining({ name: "hajime-trail", bucket: first.bucketName })]);
  });

  it("asks for another bucket name when the one given was deleted a moment ago (OperationAborted)", async () => {
    const { aws } = await attendee();
    const bucket = uniqueBucket();
    await aws.s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
    await aws.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    const ledger = new MemoryLedger();
    const res = await runFix(cloudtrail, aws, { bucketName: bucket, trailName: "hajime-trail" }, { ledger });
    expect(res).toEqual({ ok: false, code: "bucket-name-recently-deleted", params: { bucket } });
    expect(ledger.list()).toEqual([]);
    expect(await trailNames(aws)).toEqual([]);
  });
});
