import { CreateBudgetCommand, DescribeBudgetsCommand, DescribeNotificationsForBudgetCommand } from "@aws-sdk/client-budgets";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { attendee } from "@/tests/aws/attendee";
import { budget, BUDGET_NAME } from "./server";
import { budgetsClient } from "@/workshops/guardrails/clients";

const step = budget;

describe("guardrails: AWS Budgets monthly cost budget (moto)", () => {
  it("creates a monthly cost budget with two email alerts; a second fix makes nothing more", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    expect(await runCheck(step, aws)).toMatchObject({ state: "todo", detail: { found: null, withoutAlerts: [] } });

    expect(await runFix(step, aws, { amount: "20", email: "me@example.com" }, { ledger })).toEqual({ ok: true, data: { action: "created", name: BUDGET_NAME } });
    expect(await runFix(step, aws, { amount: "20", email: "me@example.com" }, { ledger })).toEqual({ ok: true, data: { action: "already-set", name: BUDGET_NAME } });

    // Read back from moto: one budget, COST, MONTHLY, 20 USD, two alerts.
    const { Budgets } = await budgetsClient(aws).send(new DescribeBudgetsCommand({ AccountId: aws.accountId }));
    expect(Budgets?.map((b) => [b.BudgetName, b.BudgetType, b.TimeUnit, b.BudgetLimit?.Amount, b.BudgetLimit?.Unit])).toEqual([
      [BUDGET_NAME, "COST", "MONTHLY", "20", "USD"],
    ]);
    const { Notifications } = await budgetsClient(aws).send(new DescribeNotificationsForBudgetCommand({ AccountId: aws.accountId, BudgetName: BUDGET_NAME }));
    expect(Notifications?.map((n) => [n.NotificationType, n.Threshold]).sort()).toEqual([
      ["ACTUAL", 80],
      ["FORECASTED", 100],
    ]);
    expect(ledger.list()).toEqual([{ kind: "budget", name: BUDGET_NAME, region: "global", origin: "created" }]);
    expect(await runCheck(step, aws)).toMatchObject({
      state: "done",
      detail: { found: { name: BUDGET_NAME, amount: "20", unit: "USD", alerts: 2, hajime: true } },
    });
  });

  it("is done with the attendee's own monthly cost budget that alerts, whatever its name", async () => {
    const { aws } = await attendee();
    await budgetsClient(aws).send(
      new CreateBudgetCommand({
        AccountId: aws.accountId,
        Budget: { BudgetName: "my budget", BudgetType: "COST", TimeUnit: "MONTHLY", BudgetLimit: { Amount: "50", Unit: "USD" } },
        NotificationsWithSubscribers: [
          {
            Notification: { NotificationType: "ACTUAL", ComparisonOperator: "GREATER_THAN", Threshold: 90, ThresholdType: "PERCENTAGE" },
            Subscribers: [{ SubscriptionType: "EMAIL", Address: "owner@example.com" }],
          },
        ],
      }),
    );
    expect(await runCheck(step, aws)).toMatchObject({ state: "done", detail: { found: { name: "my budget", alerts: 1, hajime: false } } });
    const ledger = new MemoryLedger();
    expect(await runFix(step, aws, { amount: 10, email: "me@example.com" }, { ledger })).toEqual({ ok: true, data: { action: "already-set", name: "my budget" } });
    expect(ledger.list()).toEqual([]);
  });

  it("is still to do with a monthly cost budget that alerts nobody, or an annual one", async () => {
    const { aws } = await attendee();
    const make = (BudgetName: string, TimeUnit: "MONTHLY" | "ANNUALLY") =>
      budgetsClient(aws).send(
        new CreateBudgetCommand({ AccountId: aws.accountId, Budget: { BudgetName, BudgetType: "COST", TimeUnit, BudgetLimit: { Amount: "5", Unit: "USD" } } }),
      );
    await make("silent", "MONTHLY");
    await make("yearly", "ANNUALLY");
    expect(await runCheck(step, aws)).toMatchObject({ state: "todo", detail: { found: null, withoutAlerts: [{ name: "silent", alerts: 0 }] } });
  });

  it("refuses an email that is not one, and an amount under 1 USD, before calling AWS", async () => {
    const { aws } = await attendee();
    const ledger = new MemoryLedger();
    expect(await runFix(step, aws, { amount: 10, email: "not-an-email" }, { ledger })).toMatchObject({ ok: false, code: "invalid-input", params: { field: "email" } });
    expect(await runFix(step, aws, { amount: 0, email: "me@example.com" }, { ledger })).toMatchObject({ ok: false, code: "invalid-input", params: { field: "amount" } });
    const { Budgets } = await budgetsClient(aws).send(new DescribeBudgetsCommand({ AccountId: aws.accountId }));
    expect(Budgets ?? []).toEqual([]);
  });

  it("does not take over a budget of another kind that has Hajime's name", async () => {
    const { aws } = await attendee();
    await budgetsClient(aws).send(
      new CreateBudgetCommand({
        AccountId: aws.accountId,
        Budget: { BudgetName: BUDGET_NAME, BudgetType: "USAGE", TimeUnit: "MONTHLY", BudgetLimit: { Amount: "5", Unit: "GB" } },
      }),
    );
    expect(await runFix(step, aws, { amount: 10, email: "me@example.com" }, { ledger: new MemoryLedger() })).toEqual({
      ok: false,
      code: "budget-name-taken",
      params: { name: BUDGET_NAME },
    });
  });
});
