import {
  BadRequestException,
  CreateDetectorCommand,
  CreateSampleFindingsCommand,
  GetFindingsCommand,
  ListFindingsCommand,
  type Finding,
} from "@aws-sdk/client-guardduty";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Aws } from "@/lib/aws/clients";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { guardduty } from "@/workshops/account-security/steps/guardduty/server";
import { sampleFindings, timing, type SampleFindingsDetail } from "@/workshops/account-security/steps/sample-findings/server";
import { sampleFinding, SAMPLES } from "@/tests/support/guardduty-samples";
import { attendee } from "@/tests/aws/attendee";
import { detectorIds } from "@/tests/aws/logging-support";

/**
 * moto has no CreateSampleFindings, ListFindings or GetFindings (it answers 404). The
 * stricter AWS stand-in answers them (rule guardduty-sample-findings); the tests below that
 * need to see or steer those calls (count them, refuse a finding type, hold findings back)
 * mock THOSE THREE CALLS ALONE with aws-sdk-client-mock, answering with the shapes of the
 * GuardDuty API reference (tests/support/guardduty-samples.ts); every other call (the
 * detector: ListDetectors, GetDetector, CreateDetector) still goes through the stand-in to moto.
 */
type GuardDutyMock = ReturnType<typeof mockSampleFindingCalls>;

function mockSampleFindingCalls(aws: Aws, accountId: string, opts: { rejectTypes?: (types: string[]) => boolean } = {}) {
  const findings = new Map<string, Finding[]>();
  const mock = mockClient(aws.guardduty);
  mock.send.callThrough();
  mock.on(CreateSampleFindingsCommand).callsFake(async (input: { DetectorId: string; FindingTypes?: string[] }) => {
    const types = input.FindingTypes?.length ? input.FindingTypes : Object.keys(SAMPLES);
    if (opts.rejectTypes?.(types)) {
      throw new BadRequestException({ message: "The request is rejected because an invalid or out-of-range value is specified as an input parameter.", $metadata: { httpStatusCode: 400 } });
    }
    const list = findings.get(input.DetectorId) ?? [];
    for (const type of types) list.push(sampleFinding(type, { accountId, region: aws.region, detectorId: input.DetectorId }));
    findings.set(input.DetectorId, list);
    return { $metadata: {} };
  });
  mock.on(ListFindingsCommand).callsFake(async (input: { DetectorId: string; MaxResults?: number; NextToken?: string; FindingCriteria?: unknown }) => {
    const criterion = (input.FindingCriteria as { Criterion?: Record<string, { Equals?: string[] }> })?.Criterion;
    const samplesOnly = criterion?.["service.additionalInfo.sample"]?.Equals?.[0] === "true";
    const all = (findings.get(input.DetectorId) ?? [])
      .filter(() => samplesOnly)
      .sort((a, b) => (b.Severity ?? 0) - (a.Severity ?? 0));
    const start = Number(input.NextToken ?? 0);
    const max = input.MaxResults ?? 50;
    const page = all.slice(start, start + max);
    const next = start + max < all.length ? String(start + max) : undefined;
    return { FindingIds: page.map((f) => f.Id!), NextToken: next, $metadata: {} };
  });
  mock.on(GetFindingsCommand).callsFake(async (input: { DetectorId: string; FindingIds: string[] }) => {
    if (input.FindingIds.length > 50) {
      throw new BadRequestException({ message: "FindingIds: at most 50", $metadata: { httpStatusCode: 400 } });
    }
    const all = findings.get(input.DetectorId) ?? [];
    return { Findings: input.FindingIds.map((id) => all.find((f) => f.Id === id)!).filter(Boolean), $metadata: {} };
  });
  return mock;
}

let mock: GuardDutyMock | undefined;
const polls = { ...timing };
beforeEach(() => {
  timing.pollMs = 1;
});
afterEach(() => {
  mock?.restore();
  mock = undefined;
  Object.assign(timing, polls);
});

async function withDetector() {
  const a = await attendee();
  expect((await runFix(guardduty, a.aws, {}, { ledger: new MemoryLedger() })).ok).toBe(true);
  return a;
}

describe("step 9: GuardDuty sample findings (moto, with CreateSampleFindings/ListFindings/GetFindings mocked)", () => {
  it("generates sample findings, then lists them by severity without account ids or ARNs", async () => {
    const { aws, accountId } = await withDetector();
    mock = mockSampleFindingCalls(aws, accountId);
    const [detectorId] = await detectorIds(aws);

    expect(await runCheck(sampleFindings, aws)).toMatchObject({ state: "todo", detail: { detector: "enabled", findings: [] } });
    expect(await runFix(sampleFindings, aws, {}, { ledger: new MemoryLedger() })).toMatchObject({ ok: true });

    const create = mock.commandCalls(CreateSampleFindingsCommand);
    expect(create).toHaveLength(1);
    expect(create[0].args[0].input).toMatchObject({ DetectorId: detectorId });
    expect(create[0].args[0].input.FindingTypes).toContain("CryptoCurrency:EC2/BitcoinTool.B!DNS");
    const list = mock.commandCalls(ListFindingsCommand).at(-1)!.args[0].input;
    expect(list.FindingCriteria).toEqual({ Criterion: { "service.additionalInfo.sample": { Equals: ["true"] } } });
    expect(list.SortCriteria).toEqual({ AttributeName: "severity", OrderBy: "DESC" });

    const check = await runCheck(sampleFindings, aws);
    expect(check.state).toBe("done");
    const detail = check.detail as SampleFindingsDetail;
    expect(detail.findings).toHaveLength(9);
    const severities = detail.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(detail.findings.find((f) => f.type === "CryptoCurrency:EC2/BitcoinTool.B!DNS")).toMatchObject({
      severity: 8,
      title: "Bitcoin-related domain name queried by EC2 instance i-99999999.",
      region: "ap-northeast-1",
      resource: { type: "Instance", id: "i-99999999", extra: "m3.xlarge" },
      action: { type: "DNS_REQUEST", target: "GeneratedFindingDomainName" },
    });
    expect(detail.findings.find((f) => f.type === "Policy:S3/BucketBlockPublicAccessDisabled")?.resource).toEqual({
      type: "S3Bucket",
      id: "GeneratedFindingS3Bucket",
    });
    const json = JSON.stringify(detail);
    expect(json).not.toContain(accountId);
    expect(json).not.toMatch(/arn:aws/);
  });

  it("asks for findings in batches GuardDuty accepts (50 ids) and says when there are more", async () => {
    const { aws, accountId } = await withDetector();
    mock = mockSampleFindingCalls(aws, accountId);
    const [detectorId] = await detectorIds(aws);
    // As if the attendee had also generated every sample type from the console, many times.
    const many = Array.from({ length: 14 }, () => Object.keys(SAMPLES)).flat();
    await aws.guardduty.send(new CreateSampleFindingsCommand({ DetectorId: detectorId, FindingTypes: many }));
    const check = await runCheck(sampleFindings, aws);
    const detail = check.detail as SampleFindingsDetail;
    expect(detail.findings).toHaveLength(100);
    expect(detail.more).toBe(true);
    for (const call of mock.commandCalls(GetFindingsCommand)) expect(call.args[0].input.FindingIds!.length).toBeLessThanOrEqual(50);
  });

  it("needs GuardDuty enabled first, and says so", async () => {
    const { aws, accountId } = await attendee();
    mock = mockSampleFindingCalls(aws, accountId);
    expect(await runCheck(sampleFindings, aws)).toMatchObject({ state: "todo", detail: { detector: "none" } });
    expect(await runFix(sampleFindings, aws, {}, { ledger: new MemoryLedger() })).toEqual({ ok: false, code: "guardduty-not-enabled", params: { number: 8 } });
    expect(mock.commandCalls(CreateSampleFindingsCommand)).toHaveLength(0);
  });

  it("falls back to the one finding the hands-on needs when GuardDuty refuses a type", async () => {
    const { aws, accountId } = await withDetector();
    mock = mockSampleFindingCalls(aws, accountId, { rejectTypes: (types) => types.length > 1 });
    expect((await runFix(sampleFindings, aws, {}, { ledger: new MemoryLedger() })).ok).toBe(true);
    const detail = (await runCheck(sampleFindings, aws)).detail as SampleFindingsDetail;
    expect(detail.findings.map((f) => f.type)).toEqual(["CryptoCurrency:EC2/BitcoinTool.B!DNS"]);
  });

  it("says the findings are not ready when GuardDuty has not listed them yet", async () => {
    const { aws, accountId } = await withDetector();
    mock = mockSampleFindingCalls(aws, accountId);
    mock.on(CreateSampleFindingsCommand).resolves({ $metadata: {} }); // accepted, but nothing listed yet
    timing.polls = 3;
    expect(await runFix(sampleFindings, aws, {}, { ledger: new MemoryLedger() })).toEqual({ ok: false, code: "findings-not-ready" });
    expect(mock.commandCalls(ListFindingsCommand)).toHaveLength(3);
  });
});

/** Issue 8, item 9: the stricter stand-in answers the three sample-finding calls (guardduty-sample-findings). */
describe("step 9 in a detector the attendee already had (stricter stand-in)", () => {
  it("asks before generating sample findings that would reach the attendee's own notifications", async () => {
    const { aws } = await attendee();
    await aws.guardduty.send(new CreateDetectorCommand({ Enable: true }));
    expect(await runCheck(sampleFindings, aws)).toMatchObject({ state: "todo", detail: { detector: "enabled", owner: "theirs", findings: [] } });
    expect(await runFix(sampleFindings, aws, {}, { ledger: new MemoryLedger() })).toEqual({ ok: false, code: "sample-findings-unconfirmed" });
    expect((await runCheck(sampleFindings, aws)).state).toBe("todo");
    expect((await runFix(sampleFindings, aws, { confirmTheirs: true }, { ledger: new MemoryLedger() })).ok).toBe(true);
    expect(await runCheck(sampleFindings, aws)).toMatchObject({ state: "done", detail: { owner: "theirs" } });
  });

  it("generates them at once in the detector Hajime made", async () => {
    const { aws } = await withDetector();
    expect(await runFix(sampleFindings, aws, {}, { ledger: new MemoryLedger() })).toMatchObject({ ok: true });
    expect(await runCheck(sampleFindings, aws)).toMatchObject({ state: "done", detail: { owner: "hajime" } });
  });
});
