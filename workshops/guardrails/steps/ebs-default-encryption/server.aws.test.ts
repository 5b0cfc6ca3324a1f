import { GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { createAws } from "@/lib/aws/clients";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { attendee } from "@/tests/aws/attendee";
import { ebsDefaultEncryption } from "./server";
import { ec2Client } from "@/workshops/guardrails/clients";

const step = ebsDefaultEncryption;

describe("guardrails: EBS encryption by default (moto)", () => {
  it("turns it on in the session's Region only; a second fix changes nothing", async () => {
    const { aws, keys } = await attendee("ap-northeast-1");
    const ledger = new MemoryLedger();
    expect(await runCheck(step, aws)).toMatchObject({ state: "todo", detail: { region: "ap-northeast-1", enabled: false } });

    expect(await runFix(step, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "enabled", region: "ap-northeast-1" } });
    expect(await runFix(step, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "already-enabled", region: "ap-northeast-1" } });

    expect((await ec2Client(aws).send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    expect(await runCheck(step, aws)).toMatchObject({ state: "done", detail: { enabled: true } });
    expect(ledger.list()).toEqual([]);

    // Another Region of the same account is untouched: the setting is per Region.
    const elsewhere = createAws({ keys, region: "us-west-2", accountId: keys.accountId });
    expect((await ec2Client(elsewhere).send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(false);
    expect(await runCheck(step, elsewhere)).toMatchObject({ state: "todo", detail: { region: "us-west-2", enabled: false } });
  });
});
