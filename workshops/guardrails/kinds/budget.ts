import "server-only";
import { DeleteBudgetCommand, DescribeBudgetCommand, DescribeBudgetsCommand, type Budget } from "@aws-sdk/client-budgets";
import { accountChanged } from "@/lib/aws/account-facts";
import type { Aws } from "@/lib/aws/clients";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { fail, ok, type Result } from "@/lib/result";
import { BUDGET_REGION } from "../steps/budget/server";
import { madeByHajime, type KindContext, type KindDiscovery, type KindRef, type KindRemoval } from "./types";

/**
 * Budgets at teardown. A budget costs nothing (only action-enabled budgets are charged,
 * past their free budget-days), but the one Hajime made is Hajime's to take back; every
 * other budget is the attendee's and is listed as kept. Hajime's is known by the ledger:
 * moto cannot read a budget's tags, and a budget's name alone is not proof.
 */

async function allBudgets(aws: Aws): Promise<Budget[]> {
  const all: Budget[] = [];
  let NextToken: string | undefined;
  do {
    const out = await aws.budgets.send(new DescribeBudgetsCommand({ AccountId: aws.accountId, MaxResults: 100, NextToken }));
    all.push(...(out.Budgets ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return all;
}

export async function discover(aws: Aws, ctx: KindContext): Promise<KindDiscovery> {
  const entries = (await ctx.ledger.list()).filter((r) => r.kind === "budget");
  const names = new Set((await allBudgets(aws)).map((b) => b.BudgetName ?? ""));
  const found: KindDiscovery = { remove: [], keep: [], missing: [], unchecked: [] };
  for (const name of [...names].sort()) {
    const ref: KindRef = { kind: "budget", name, region: BUDGET_REGION };
    if (madeByHajime(entries, "budget", name, BUDGET_REGION)) found.remove.push(ref);
    else found.keep.push({ ...ref, reason: "not-hajime" });
  }
  found.missing = entries.filter((r) => !names.has(r.name));
  return found;
}

/** Deletes the budget after checking again that the ledger says Hajime made it; gone is success. */
export async function remove(aws: Aws, ref: KindRef, ctx: KindContext): Promise<Result<KindRemoval>> {
  const entries = await ctx.ledger.list();
  if (ref.kind !== "budget" || !madeByHajime(entries, "budget", ref.name, BUDGET_REGION)) return fail("not-hajime");
  const forget = () => ctx.ledger.forget({ kind: "budget", name: ref.name, region: BUDGET_REGION });
  try {
    await aws.budgets.send(new DescribeBudgetCommand({ AccountId: aws.accountId, BudgetName: ref.name }));
    await aws.budgets.send(new DeleteBudgetCommand({ AccountId: aws.accountId, BudgetName: ref.name }));
  } catch (error) {
    if (!isAwsError(error, "NotFoundException")) throw error;
    await forget();
    return ok({ status: "gone" });
  } finally {
    accountChanged(aws.accountId);
  }
  await forget();
  return ok({ status: "removed" });
}
