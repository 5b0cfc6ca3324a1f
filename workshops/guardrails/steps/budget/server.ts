import "server-only";
import {
  CreateBudgetCommand,
  CreateNotificationCommand,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  type Budget,
  type Notification,
} from "@aws-sdk/client-budgets";
import { z } from "zod";
import type { Aws } from "@/lib/aws/clients";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { HAJIME_TAG } from "@/lib/aws/logging/tags";
import { fail, ok } from "@/lib/result";
import { BUDGET_AMOUNT, cleanInput, EMAIL_MAX_LENGTH, EMAIL_PATTERN } from "./budget-rules";
import type { Step } from "@/lib/aws/step";
import { budgetsClient } from "@/workshops/guardrails/clients";

/** The budget Hajime makes. Budgets are global: the ledger records it in region "global". */
export const BUDGET_NAME = "hajime-monthly-cost";
export const BUDGET_REGION = "global";

/**
 * The two alerts: actual spend over 80 % of the amount, and the month's forecast over 100 %.
 * AWS Budgets mails an EMAIL subscriber directly; there is no address to confirm (only an
 * email subscription to an SNS topic asks for one, and Hajime uses none).
 * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Subscriber.html
 */
export const ALERTS: readonly Notification[] = [
  { NotificationType: "ACTUAL", ComparisonOperator: "GREATER_THAN", Threshold: 80, ThresholdType: "PERCENTAGE" },
  { NotificationType: "FORECASTED", ComparisonOperator: "GREATER_THAN", Threshold: 100, ThresholdType: "PERCENTAGE" },
];

export type BudgetSummary = { name: string; amount: string; unit: string; alerts: number; hajime: boolean };

export type BudgetDetail = {
  /** A monthly cost budget with at least one alert (the attendee's own counts), or null. */
  found: BudgetSummary | null;
  /** Monthly cost budgets that have no alert: they track spend but tell nobody. */
  withoutAlerts: BudgetSummary[];
};

export type BudgetFixReport = { action: "created" | "alerts-added" | "already-set"; name: string };

// The card checks the same limits in the browser (budget-rules.ts).
const fixInput = z.object({
  /** USD a month; Budgets takes a decimal string. */
  amount: z.preprocess((v) => (typeof v === "string" ? cleanInput(v) : v), z.coerce.number().min(BUDGET_AMOUNT.min).max(BUDGET_AMOUNT.max)),
  email: z.string().transform(cleanInput).pipe(z.string().max(EMAIL_MAX_LENGTH)).pipe(z.email({ pattern: EMAIL_PATTERN })),
});

/** How many monthly cost budgets the check asks about (each is one more call). */
const NOTIFICATION_READS = 10;

/** Every budget of the account (the check and the clean-up kind list them alike). */
export async function listBudgets(aws: Aws): Promise<Budget[]> {
  const all: Budget[] = [];
  let NextToken: string | undefined;
  do {
    const out = await budgetsClient(aws).send(new DescribeBudgetsCommand({ AccountId: aws.accountId, MaxResults: 100, NextToken }));
    all.push(...(out.Budgets ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return all;
}

async function alertCount(aws: Aws, name: string): Promise<number> {
  const out = await budgetsClient(aws).send(new DescribeNotificationsForBudgetCommand({ AccountId: aws.accountId, BudgetName: name, MaxResults: 100 }));
  return out.Notifications?.length ?? 0;
}

const isMonthlyCost = (b: Budget) => b.BudgetType === "COST" && b.TimeUnit === "MONTHLY";

/** Monthly cost budgets with their alert counts, Hajime's first. */
export async function monthlyCostBudgets(aws: Aws): Promise<BudgetSummary[]> {
  const monthly = (await listBudgets(aws))
    .filter(isMonthlyCost)
    .sort((a, b) => Number(b.BudgetName === BUDGET_NAME) - Number(a.BudgetName === BUDGET_NAME))
    .slice(0, NOTIFICATION_READS);
  return Promise.all(
    monthly.map(async (b) => ({
      name: b.BudgetName ?? "",
      amount: b.BudgetLimit?.Amount ?? "",
      unit: b.BudgetLimit?.Unit ?? "USD",
      alerts: await alertCount(aws, b.BudgetName ?? ""),
      hajime: b.BudgetName === BUDGET_NAME,
    })),
  );
}

function detailOf(budgets: BudgetSummary[]): BudgetDetail {
  return { found: budgets.find((b) => b.alerts > 0) ?? null, withoutAlerts: budgets.filter((b) => b.alerts === 0) };
}

/** "10", "12.5": what Budgets stores, at most two decimals. */
const amountText = (amount: number) => String(Math.round(amount * 100) / 100);

export const budget: Step<BudgetDetail, z.infer<typeof fixInput>, BudgetFixReport> = {
  id: "budget",

  async check(aws) {
    const detail = detailOf(await monthlyCostBudgets(aws));
    return { state: detail.found ? "done" : "todo", detail };
  },

  fixInput,

  async fix(aws, input, ctx) {
    const before = detailOf(await monthlyCostBudgets(aws));
    if (before.found) return ok({ action: "already-set", name: before.found.name });
    const subscribers = [{ SubscriptionType: "EMAIL" as const, Address: input.email }];

    const ours = before.withoutAlerts.find((b) => b.hajime);
    if (ours) {
      // Hajime's budget whose alerts were removed: alerts again, if it is Hajime's.
      const known = (await ctx.ledger.list()).some((r) => r.kind === "budget" && r.name === BUDGET_NAME);
      if (!known) return fail("budget-name-taken", { name: BUDGET_NAME });
      for (const Notification of ALERTS) {
        await budgetsClient(aws)
          .send(new CreateNotificationCommand({ AccountId: aws.accountId, BudgetName: BUDGET_NAME, Notification, Subscribers: subscribers }))
          .catch((error) => {
            if (!isAwsError(error, "DuplicateRecordException")) throw error;
          });
      }
      return ok({ action: "alerts-added", name: BUDGET_NAME });
    }

    try {
      await budgetsClient(aws).send(
        new CreateBudgetCommand({
          AccountId: aws.accountId,
          Budget: {
            BudgetName: BUDGET_NAME,
            BudgetType: "COST",
            TimeUnit: "MONTHLY",
            BudgetLimit: { Amount: amountText(input.amount), Unit: "USD" },
          },
          NotificationsWithSubscribers: ALERTS.map((Notification) => ({ Notification, Subscribers: subscribers })),
          ResourceTags: [{ Key: HAJIME_TAG.Key, Value: HAJIME_TAG.Value }],
        }),
      );
    } catch (error) {
      if (!isAwsError(error, "DuplicateRecordException")) throw error;
      // Another tab made it a moment ago (that one stands), or a budget of another kind has the name.
      const now = detailOf(await monthlyCostBudgets(aws)).found;
      return now ? ok({ action: "already-set", name: now.name }) : fail("budget-name-taken", { name: BUDGET_NAME });
    }
    await ctx.ledger.remember({ kind: "budget", name: BUDGET_NAME, region: BUDGET_REGION });
    return ok({ action: "created", name: BUDGET_NAME });
  },
};
