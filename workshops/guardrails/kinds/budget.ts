import "server-only";
import { DeleteBudgetCommand } from "@aws-sdk/client-budgets";
import { z } from "zod";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import type { ResourceKindModule } from "@/lib/aws/teardown/kind";
import { forgetAll, ledgerHas, sorted } from "@/lib/aws/teardown/ledger-match";
import { fail, ok } from "@/lib/result";
import { listBudgets } from "../steps/budget/server";
import { budgetsClient } from "@/workshops/guardrails/clients";

/**
 * Budgets at teardown. A budget that only alerts costs nothing (only action-enabled budgets
 * are charged, past their free budget-days), but the one Hajime made is Hajime's to take
 * back; every other budget is the attendee's and is listed as kept. Budgets are global
 * (region "global"). Hajime's is known by the ledger alone: moto cannot read a budget's
 * tags, and a budget's name is no proof.
 */
export const budgetKind = {
  kind: "budget",
  scope: "global",
  identity: "name",
  // Budget names: 1–100 characters, no ":" or "\" (DescribeBudget's BudgetName pattern).
  name: z.string().min(1).max(100).regex(/^[^:\\]+$/),
  ledger: { origins: ["created"] },

  async discover({ aws, entries }) {
    const budgets = await listBudgets(aws);
    const remove = [];
    const keep = [];
    for (const b of budgets) {
      const ref = { kind: "budget", name: b.BudgetName ?? "", region: "global" };
      if (ledgerHas(entries, "budget", ref.name)) remove.push(ref);
      else keep.push({ ...ref, reason: "not-hajime" as const });
    }
    return sorted({ remove, keep });
  },

  async remove({ aws, ledger, entries }, ref) {
    if (!ledgerHas(entries, "budget", ref.name)) return fail("not-hajime");
    const forget = () => forgetAll(ledger, entries, (r) => r.kind === "budget" && r.name === ref.name);
    try {
      await budgetsClient(aws).send(new DeleteBudgetCommand({ AccountId: aws.accountId, BudgetName: ref.name }));
    } catch (error) {
      if (!isAwsError(error, "NotFoundException")) throw error;
      await forget();
      return ok({ status: "gone" });
    }
    await forget();
    return ok({ status: "removed" });
  },
} satisfies ResourceKindModule<"budget">;

