import { CreateBudgetCommand, DescribeBudgetsCommand } from "@aws-sdk/client-budgets";
import { CreateAnalyzerCommand, ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runFix } from "@/lib/aws/run";
import { attendee } from "@/tests/aws/attendee";
import { asStep } from "../step";
import { accessAnalyzer, ANALYZER_NAME } from "../steps/access-analyzer/server";
import { budget, BUDGET_NAME } from "../steps/budget/server";
import * as analyzerKind from "./analyzer";
import * as budgetKind from "./budget";

describe("guardrails teardown kinds: budget (moto)", () => {
  it("removes only the budget Hajime made, keeps the attendee's, and a second removal finds it gone", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    await aws.budgets.send(
      new CreateBudgetCommand({ AccountId: aws.accountId, Budget: { BudgetName: "mine", BudgetType: "COST", TimeUnit: "MONTHLY", BudgetLimit: { Amount: "5", Unit: "USD" } } }),
    );
    await runFix(asStep(budget), aws, { amount: 10, email: "me@example.com" }, { ledger });
    // "mine" alerts nobody, so Hajime made its own.
    const found = await budgetKind.discover(aws, { ledger });
    expect(found).toEqual({
      remove: [{ kind: "budget", name: BUDGET_NAME, region: "global" }],
      keep: [{ kind: "budget", name: "mine", region: "global", reason: "not-hajime" }],
      missing: [],
      unchecked: [],
    });
    expect(await budgetKind.remove(aws, { kind: "budget", name: "mine", region: "global" }, { ledger })).toEqual({ ok: false, code: "not-hajime" });
    expect(await budgetKind.remove(aws, found.remove[0], { ledger })).toEqual({ ok: true, data: { status: "removed" } });
    const { Budgets } = await aws.budgets.send(new DescribeBudgetsCommand({ AccountId: aws.accountId }));
    expect(Budgets?.map((b) => b.BudgetName)).toEqual(["mine"]);
    expect(ledger.list()).toEqual([]);
    expect(ledger.removed()).toHaveLength(1);
    // The ledger no longer calls it Hajime's: a stale request is refused, not guessed.
    expect(await budgetKind.remove(aws, found.remove[0], { ledger })).toEqual({ ok: false, code: "not-hajime" });
  });
});

describe("guardrails teardown kinds: analyzer (stand-in for the four analyzer calls)", () => {
  it("removes Hajime's analyzer and keeps the attendee's in another Region", async () => {
    const { aws } = await attendee("ap-northeast-1");
    const ledger = new MemoryLedger();
    await runFix(asStep(accessAnalyzer), aws, {}, { ledger });
    // The attendee's own, in a Region Hajime made nothing in: not looked at, so never touched.
    await aws.accessanalyzerIn("us-west-2").send(new CreateAnalyzerCommand({ analyzerName: "theirs", type: "ACCOUNT" }));
    const found = await analyzerKind.discover(aws, { ledger });
    expect(found.remove).toEqual([{ kind: "analyzer", name: ANALYZER_NAME, region: "ap-northeast-1" }]);
    expect(found.keep).toEqual([]);

    expect(await analyzerKind.remove(aws, found.remove[0], { ledger })).toEqual({ ok: true, data: { status: "removed" } });
    expect((await aws.accessanalyzer.send(new ListAnalyzersCommand({}))).analyzers).toEqual([]);
    expect(await analyzerKind.remove(aws, found.remove[0], { ledger })).toEqual({ ok: true, data: { status: "gone" } });
    expect(ledger.list()).toEqual([]);
  });

  it("keeps the attendee's analyzer in the session's Region and refuses to remove it", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    await aws.accessanalyzer.send(new CreateAnalyzerCommand({ analyzerName: "theirs", type: "ACCOUNT" }));
    const found = await analyzerKind.discover(aws, { ledger });
    expect(found).toMatchObject({ remove: [], keep: [{ kind: "analyzer", name: "theirs", reason: "not-hajime" }] });
    expect(await analyzerKind.remove(aws, { kind: "analyzer", name: "theirs", region: aws.region }, { ledger })).toEqual({ ok: false, code: "not-hajime" });
    expect((await aws.accessanalyzer.send(new ListAnalyzersCommand({}))).analyzers?.map((a) => a.name)).toEqual(["theirs"]);
  });
});
