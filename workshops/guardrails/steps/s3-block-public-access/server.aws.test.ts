import { GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { attendee } from "@/tests/aws/attendee";
import { s3BlockPublicAccess } from "./server";
import { s3controlClient } from "@/workshops/guardrails/clients";

const step = s3BlockPublicAccess;
const ALL = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

describe("guardrails: S3 Block Public Access for the account (moto)", () => {
  it("is to do with no configuration, turns all four on, and a second fix changes nothing", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    await expect(s3controlClient(aws).send(new GetPublicAccessBlockCommand({ AccountId: aws.accountId }))).rejects.toMatchObject({
      name: "NoSuchPublicAccessBlockConfiguration",
    });
    expect(await runCheck(step, aws)).toMatchObject({ state: "todo", detail: { settings: null } });

    expect(await runFix(step, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "turned-on" } });
    expect(await runFix(step, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "already-on" } });

    const read = await s3controlClient(aws).send(new GetPublicAccessBlockCommand({ AccountId: aws.accountId }));
    expect(read.PublicAccessBlockConfiguration).toEqual(ALL);
    expect(await runCheck(step, aws)).toMatchObject({ state: "done", detail: { settings: ALL } });
    // A setting, not a resource: nothing for teardown.
    expect(ledger.list()).toEqual([]);
  });

  it("is to do while any one of the four is off, and turns the rest on", async () => {
    const { aws } = await attendee();
    await s3controlClient(aws).send(
      new PutPublicAccessBlockCommand({ AccountId: aws.accountId, PublicAccessBlockConfiguration: { ...ALL, RestrictPublicBuckets: false } }),
    );
    expect(await runCheck(step, aws)).toMatchObject({ state: "todo", detail: { settings: { ...ALL, RestrictPublicBuckets: false } } });
    expect(await runFix(step, aws, {}, { ledger: new MemoryLedger() })).toEqual({ ok: true, data: { action: "turned-on" } });
    expect((await s3controlClient(aws).send(new GetPublicAccessBlockCommand({ AccountId: aws.accountId }))).PublicAccessBlockConfiguration).toEqual(ALL);
  });

  it("reads the session's account only", async () => {
    const a = await attendee();
    const b = await attendee();
    await runFix(step, a.aws, {}, { ledger: new MemoryLedger() });
    expect((await runCheck(step, b.aws)).state).toBe("todo");
  });
});
