import { CreateBudgetCommand, DescribeBudgetsCommand } from "@aws-sdk/client-budgets";
import { CreateAnalyzerCommand, ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import { GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runFix } from "@/lib/aws/run";
import { teardownPlan } from "@/lib/aws/teardown/discover";
import { removeResource } from "@/lib/aws/teardown/remove";
import { attendee } from "@/tests/aws/attendee";
import { accessAnalyzer, ANALYZER_NAME } from "../steps/access-analyzer/server";
import { budget, BUDGET_NAME } from "../steps/budget/server";
import { ebsDefaultEncryption } from "../steps/ebs-default-encryption/server";
import { s3BlockPublicAccess } from "../steps/s3-block-public-access/server";
import { GUARDRAILS_KINDS } from ".";
import { accessAnalyzerClient, budgetsClient, ec2Client, s3controlClient } from "@/workshops/guardrails/clients";

const kinds = GUARDRAILS_KINDS;

describe("guardrails teardown (moto; IAM Access Analyzer through the stand-in for its four analyzer calls)", () => {
  it("removes the budget Hajime made and keeps the attendee's; a second removal finds it gone", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    await budgetsClient(aws).send(
      new CreateBudgetCommand({ AccountId: aws.accountId, Budget: { BudgetName: "mine", BudgetType: "COST", TimeUnit: "MONTHLY", BudgetLimit: { Amount: "5", Unit: "USD" } } }),
    );
    await runFix(budget, aws, { amount: 10, email: "me@example.com" }, { ledger });
    // "mine" alerts nobody, so Hajime made its own.
    const plan = await teardownPlan(aws, ledger, kinds);
    expect(plan.remove).toEqual([{ kind: "budget", name: BUDGET_NAME, region: "global" }]);
    expect(plan.keep).toEqual([{ kind: "budget", name: "mine", region: "global", reason: "not-hajime" }]);
    expect(await removeResource(aws, ledger, kinds, { kind: "budget", name: "mine", region: "global" })).toEqual({ ok: false, code: "not-hajime" });
    expect(await removeResource(aws, ledger, kinds, plan.remove[0])).toEqual({ ok: true, data: { status: "removed" } });
    const { Budgets } = await budgetsClient(aws).send(new DescribeBudgetsCommand({ AccountId: aws.accountId }));
    expect(Budgets?.map((b) => b.BudgetName)).toEqual(["mine"]);
    expect(ledger.list()).toEqual([]);
    expect(ledger.removed()).toHaveLength(1);
    // The ledger no longer calls it Hajime's: a stale request is refused, not guessed.
    expect(await removeResource(aws, ledger, kinds, plan.remove[0])).toEqual({ ok: false, code: "not-hajime" });
    expect((await teardownPlan(aws, ledger, kinds)).cleaned).toBe(1);
  });

  it("removes Hajime's analyzer; the attendee's in another Region is never looked at", async () => {
    const { aws } = await attendee("ap-northeast-1");
    const ledger = new MemoryLedger();
    await runFix(accessAnalyzer, aws, {}, { ledger });
    await accessAnalyzerClient(aws, "us-west-2").send(new CreateAnalyzerCommand({ analyzerName: "theirs", type: "ACCOUNT" }));
    const plan = await teardownPlan(aws, ledger, kinds);
    expect(plan.remove).toEqual([{ kind: "analyzer", name: ANALYZER_NAME, region: "ap-northeast-1" }]);
    expect(plan.keep).toEqual([]);
    expect(await removeResource(aws, ledger, kinds, plan.remove[0])).toEqual({ ok: true, data: { status: "removed" } });
    expect((await accessAnalyzerClient(aws).send(new ListAnalyzersCommand({}))).analyzers).toEqual([]);
    expect((await accessAnalyzerClient(aws, "us-west-2").send(new ListAnalyzersCommand({}))).analyzers?.map((a) => a.name)).toEqual(["theirs"]);
    expect(await removeResource(aws, ledger, kinds, plan.remove[0])).toEqual({ ok: true, data: { status: "gone" } });
  });

  it("keeps the attendee's analyzer in the session's Region and refuses to remove it", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    await accessAnalyzerClient(aws).send(new CreateAnalyzerCommand({ analyzerName: "theirs", type: "ACCOUNT" }));
    const plan = await teardownPlan(aws, ledger, kinds);
    expect(plan).toMatchObject({ remove: [], keep: [{ kind: "analyzer", name: "theirs", reason: "not-hajime" }] });
    expect(await removeResource(aws, ledger, kinds, { kind: "analyzer", name: "theirs", region: aws.region })).toEqual({ ok: false, code: "not-hajime" });
    expect((await accessAnalyzerClient(aws).send(new ListAnalyzersCommand({}))).analyzers?.map((a) => a.name)).toEqual(["theirs"]);
  });

  it("lists Block Public Access and EBS default encryption as kept on purpose, with the reason, and never turns them off", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    expect((await teardownPlan(aws, ledger, kinds)).keep).toEqual([]);
    await runFix(s3BlockPublicAccess, aws, {}, { ledger });
    await runFix(ebsDefaultEncryption, aws, {}, { ledger });
    const plan = await teardownPlan(aws, ledger, kinds);
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toEqual([
      { kind: "s3-block-public-access", name: "account", region: "global", reason: "on-purpose", note: "steps.s3-block-public-access.kept" },
      { kind: "ebs-default-encryption", name: "default-encryption", region: aws.region, reason: "on-purpose", note: "steps.ebs-default-encryption.kept" },
    ]);
    expect(await removeResource(aws, ledger, kinds, { kind: "s3-block-public-access", name: "account", region: "global" })).toEqual({ ok: false, code: "not-hajime" });
    expect(await removeResource(aws, ledger, kinds, { kind: "ebs-default-encryption", name: "default-encryption", region: aws.region })).toEqual({ ok: false, code: "not-hajime" });
    const bpa = await s3controlClient(aws).send(new GetPublicAccessBlockCommand({ AccountId: aws.accountId }));
    expect(bpa.PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(true);
    expect((await ec2Client(aws).send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
  });
});
