import { CreateAnalyzerCommand, GetAnalyzerCommand, ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { HAJIME_TAG_KEY, HAJIME_TAG_VALUE } from "@/lib/workshop/catalog";
import { attendee } from "@/tests/aws/attendee";
import { accessAnalyzer, ANALYZER_NAME } from "./server";
import { accessAnalyzerClient } from "@/workshops/guardrails/clients";

const step = accessAnalyzer;

/**
 * moto 5.2.1 has no IAM Access Analyzer: these calls are answered by the stricter stand-in's
 * rule access-analyzer-analyzers (tests/support/strict-aws/rules/access-analyzer.ts), a mock
 * of CreateAnalyzer / ListAnalyzers / GetAnalyzer / DeleteAnalyzer only.
 */
describe("guardrails: IAM Access Analyzer account analyzer (stand-in for the four analyzer calls)", () => {
  it("creates a tagged ACCOUNT analyzer in the session's Region; a second fix makes no other", async () => {
    const { aws } = await attendee("ap-northeast-1");
    const ledger = new MemoryLedger();
    expect(await runCheck(step, aws)).toMatchObject({ state: "todo", detail: { region: "ap-northeast-1", analyzer: null } });

    expect(await runFix(step, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "created", name: ANALYZER_NAME } });
    expect(await runFix(step, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "already-exists", name: ANALYZER_NAME } });

    const { analyzers } = await accessAnalyzerClient(aws).send(new ListAnalyzersCommand({ type: "ACCOUNT" }));
    expect(analyzers?.map((a) => a.name)).toEqual([ANALYZER_NAME]);
    const { analyzer } = await accessAnalyzerClient(aws).send(new GetAnalyzerCommand({ analyzerName: ANALYZER_NAME }));
    expect(analyzer).toMatchObject({ type: "ACCOUNT", status: "ACTIVE", tags: { [HAJIME_TAG_KEY]: HAJIME_TAG_VALUE } });
    expect(analyzer?.createdAt).toBeInstanceOf(Date);
    expect(ledger.list()).toEqual([{ kind: "analyzer", name: ANALYZER_NAME, region: "ap-northeast-1", origin: "created" }]);
    expect(await runCheck(step, aws)).toMatchObject({ state: "done", detail: { analyzer: { name: ANALYZER_NAME, status: "ACTIVE", hajime: true } } });

    // Other Regions have none: analyzers are per Region.
    expect((await accessAnalyzerClient(aws, "us-west-2").send(new ListAnalyzersCommand({ type: "ACCOUNT" }))).analyzers).toEqual([]);
  });

  it("is done with the attendee's own account analyzer, and makes no second one (AWS allows one per Region)", async () => {
    const { aws } = await attendee();
    await accessAnalyzerClient(aws).send(new CreateAnalyzerCommand({ analyzerName: "mine", type: "ACCOUNT" }));
    await expect(accessAnalyzerClient(aws).send(new CreateAnalyzerCommand({ analyzerName: "second", type: "ACCOUNT" }))).rejects.toMatchObject({
      name: "ServiceQuotaExceededException",
    });
    const ledger = new MemoryLedger();
    expect(await runCheck(step, aws)).toMatchObject({ state: "done", detail: { analyzer: { name: "mine", hajime: false } } });
    expect(await runFix(step, aws, {}, { ledger })).toEqual({ ok: true, data: { action: "already-exists", name: "mine" } });
    expect(ledger.list()).toEqual([]);
  });

  it("does not count an unused access analyzer (another type, and charged) as the account analyzer", async () => {
    const { aws } = await attendee();
    await accessAnalyzerClient(aws).send(new CreateAnalyzerCommand({ analyzerName: "unused", type: "ACCOUNT_UNUSED_ACCESS" }));
    expect(await runCheck(step, aws)).toMatchObject({ state: "todo", detail: { analyzer: null } });
  });
});
