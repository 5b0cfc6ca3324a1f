import { CreateDetectorCommand, GetDetectorCommand, UpdateDetectorCommand } from "@aws-sdk/client-guardduty";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { guardduty } from "@/lib/aws/steps/guardduty";
import { HAJIME_TAG_KEY, HAJIME_TAG_VALUE } from "@/lib/workshop/catalog";
import { attendee } from "./attendee";
import { detectorIds, detectorStatus } from "./logging-support";

describe("step 8: GuardDuty (moto)", () => {
  it("creates an enabled detector tagged as Hajime's; twice makes no second one", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    const before = await runCheck(guardduty, aws);
    expect(before).toMatchObject({ state: "todo", detail: { status: "none", region: "ap-northeast-1" } });

    expect(await runFix(guardduty, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "created" } });
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
