import "server-only";
import type { StepId } from "@/lib/workshop/catalog";
import { accountChanged } from "./account-facts";
import type { Aws } from "./clients";
import { toFailure } from "./errors";
import { fail, ok, type Failure, type Result } from "@/lib/result";
import type { AnyStep, CheckState, StepContext } from "./step";

export type CheckOutcome = {
  id: StepId;
  state: CheckState;
  detail?: unknown;
  failure?: Failure;
  checkedAt: number;
};

/** Runs one check; an AWS error becomes an "unknown" outcome carrying a failure value. */
export async function runCheck(step: AnyStep, aws: Aws): Promise<CheckOutcome> {
  try {
    const { state, detail } = await step.check(aws);
    return { id: step.id, state, detail, checkedAt: Date.now() };
  } catch (error) {
    return { id: step.id, state: "unknown", failure: toFailure(error), checkedAt: Date.now() };
  }
}

/** All checks at once: they are independent reads, so they run in parallel. */
export function runChecks(steps: readonly AnyStep[], aws: Aws): Promise<CheckOutcome[]> {
  return Promise.all(steps.map((step) => runCheck(step, aws)));
}

/** Validates the input with the step's schema first, then runs the fix. Never throws. */
export async function runFix(step: AnyStep, aws: Aws, rawInput: unknown, ctx: StepContext): Promise<Result<unknown>> {
  if (!step.fix) return fail("no-fix");
  let input: unknown = rawInput;
  if (step.fixInput) {
    const parsed = step.fixInput.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail("invalid-input", { field: issue?.path.join(".") || "input", reason: issue?.code ?? "invalid" });
    }
    input = parsed.data;
  }
  try {
    return await step.fix(aws, input, ctx);
  } catch (error) {
    return toFailure(error);
  } finally {
    // Whatever the fix did, even half, the account's remembered facts are stale now.
    accountChanged(aws.accountId);
  }
}

/** How long a fix's re-check waits for AWS to show the change (IAM is eventually consistent). */
export const settleTiming = { delaysMs: [400, 800, 1_600] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fix, then its check, so the card shows the state AWS now reports. IAM is eventually
 * consistent: a read right after a change can miss it ("changes ... are not always
 * immediately visible"), so when the fix succeeded and should have finished the step, the
 * check is asked again a few times (about 3 s in all) before "to do" is believed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency
 *
 * `affected` are the steps whose checks the fix may change (the step meta's `affects`): after
 * a successful fix they are checked once, beside the step's own settled check, and their
 * outcomes come back with the fix's so the page updates them without asking again.
 */
export async function runFixAndCheck(
  step: AnyStep,
  aws: Aws,
  rawInput: unknown,
  ctx: StepContext,
  affected: readonly AnyStep[] = [],
): Promise<Result<{ result: unknown; outcome: CheckOutcome; affected: CheckOutcome[] }>> {
  const result = await runFix(step, aws, rawInput, ctx);
  if (!result.ok) return result;
  const settle = async () => {
    let outcome = await runCheck(step, aws);
    if (step.fixFinishes?.(rawInput) ?? true) {
      for (const ms of settleTiming.delaysMs) {
        if (outcome.state === "done") break;
        await sleep(ms);
        outcome = await runCheck(step, aws);
      }
    }
    return outcome;
  };
  const [outcome, others] = await Promise.all([settle(), runChecks(affected, aws)]);
  return ok({ result: result.data, outcome, affected: others });
}
