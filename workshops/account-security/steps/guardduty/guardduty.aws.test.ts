import { CreateDetectorCommand, GetDetectorCommand, UpdateDetectorCommand } from "@aws-sdk/client-guardduty";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { guardduty } from "@/workshops/account-security/steps/guardduty/server";
import { HAJIME_TAG_KEY, HAJIME_TAG_VALUE } from "@/lib/workshop/catalog";
import { attendee } from "@/tests/aws/attendee";
import { detectorIds, detectorStatus } from "@/tests/aws/logging-support";

describe("step 8: GuardDuty (moto)", () => {
  it("creates an enabled detector tagged as Hajime's; twice makes no second one", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const before = await runCheck(guardduty, aws);
    expect(before).toMatchObject({ state: "todo", detail: { status: "none", region: "ap-northeast-1" } });

    expect(await runFix(guardduty, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "created", optionalPlans: "off" } });
    // moto would accept a second detector in the region (AWS would not): Hajime looks first.
    expect(await runFix(guardduty, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "already-enabled" } });

    const ids = await detectorIds(aws);
    expect(ids).toHaveLength(1);
    const d = await aws.guardduty.send(new GetDetectorCommand({ DetectorId: ids[0] }));
    expect(d.Status).toBe("ENABLED");
    expect(d.Tags).toEqual({ [HAJIME_TAG_KEY]: HAJIME_TAG_VALUE });
    expect(ledger.list()).toEqual([{ kind: "detector", name: ids[0], region: "ap-northeast-1", origin: "created" }]);
    expect(await runCheck(guardduty, aws)).toMatchObject({ state: "done", detail: { status: "enabled", hajime: true } });
  });

  it("re-enables the attendee's disabled detector instead of making another, and records it as theirs", async () => {
    const { aws } = await attendee();
    const { DetectorId } = await aws.guardduty.send(new CreateDetectorCommand({ Enable: false }));
    const ledger = new MemoryLedger();
    expect(await runCheck(guardduty, aws)).toMatchObject({ state: "todo", detail: { status: "disabled", hajime: false } });
    expect(await runFix(guardduty, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "re-enabled" } });
    expect(await detectorIds(aws)).toEqual([DetectorId]);
    expect(await detectorStatus(aws, DetectorId!)).toBe("ENABLED");
    expect(ledger.list()).toEqual([{ kind: "detector", name: DetectorId, region: "ap-northeast-1", origin: "re-enabled" }]);
    expect((await runCheck(guardduty, aws)).state).toBe("done");
  });

  it("re-enables Hajime's own detector after someone turned it off, still as Hajime's", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    await runFix(guardduty, aws, {}, { ledger });
    const [id] = await detectorIds(aws);
    await aws.guardduty.send(new UpdateDetectorCommand({ DetectorId: id, Enable: false }));
    expect((await runCheck(guardduty, aws)).state).toBe("todo");
    expect(await runFix(guardduty, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "re-enabled" } });
    expect(ledger.list()).toEqual([{ kind: "detector", name: id, region: "ap-northeast-1", origin: "created" }]);
  });

  it("is done for an attendee who already runs GuardDuty, and checks only the session's region", async () => {
    const { aws } = await attendee("us-west-2");
    await aws.guardduty.send(new CreateDetectorCommand({ Enable: true }));
    expect(await runCheck(guardduty, aws)).toMatchObject({ state: "done", detail: { status: "enabled", hajime: false, region: "us-west-2" } });
    expect(await detectorIds(aws, "ap-northeast-1")).toEqual([]);
  });
});

/** Issue 8, item 9: GuardDuty's optional protection plans (stricter stand-in: detector-default-features). */
describe("step 8 against AWS's rules (stricter stand-in)", () => {
  it("makes the detector with every optional protection plan off, where GuardDuty would turn them on", async () => {
    const { aws } = await attendee();
    expect(await runFix(guardduty, aws, {}, { ledger: new MemoryLedger() })).toEqual({ ok: true, data: { action: "created", optionalPlans: "off" } });
    const [id] = await detectorIds(aws);
    const features = (await aws.guardduty.send(new GetDetectorCommand({ DetectorId: id }))).Features ?? [];
    expect(features.map((f) => [f.Name, f.Status]).sort()).toEqual(
      [
        ["EBS_MALWARE_PROTECTION", "DISABLED"],
        ["EKS_AUDIT_LOGS", "DISABLED"],
        ["LAMBDA_NETWORK_LOGS", "DISABLED"],
        ["RDS_LOGIN_EVENTS", "DISABLED"],
        ["RUNTIME_MONITORING", "DISABLED"],
        ["S3_DATA_EVENTS", "DISABLED"],
      ].sort(),
    );
  });

  it("uses the detector another tab made a moment ago instead of failing (one detector per Region)", async () => {
    const { aws } = await attendee();
    await aws.guardduty.send(new CreateDetectorCommand({ Enable: true, Tags: { [HAJIME_TAG_KEY]: HAJIME_TAG_VALUE } }));
    await expect(aws.guardduty.send(new CreateDetectorCommand({ Enable: true }))).rejects.toThrow(/detector already exists/);
    expect(await runFix(guardduty, aws, {}, { ledger: new MemoryLedger() })).toEqual({ ok: true, data: { action: "already-enabled" } });
    expect(await detectorIds(aws)).toHaveLength(1);
  });
});
