import type { z } from "zod";
import type { StepId } from "@/lib/workshop/catalog";
import type { Aws } from "./clients";
import type { Result } from "@/lib/result";
import type { CreatedLedger } from "./ledger";

export type CheckState = "done" | "todo" | "unknown";

export type Check<Detail = unknown> = { state: CheckState; detail?: Detail };

export type StepContext = {
  /** Where a fix records what it created, so teardown removes exactly that. */
  ledger: CreatedLedger;
};

/**
 * One workshop step's server side. `check` is read-only and cheap and may throw SDK
 * errors (the runner turns them into values). `fix` receives input already validated by
 * `fixInput`, must be idempotent, and returns a Result rather than throwing for failures
 * the attendee can act on.
 */
export interface Step<Detail = unknown, Input = unknown, Output = unknown> {
  id: StepId;
  check(aws: Aws): Promise<Check<Detail>>;
  fixInput?: z.ZodType<Input>;
  fix?(aws: Aws, input: Input, ctx: StepContext): Promise<Result<Output>>;
  /** Whether a successful fix with this input finishes the step (default: yes). */
  fixFinishes?(input: unknown): boolean;
}

/** Lets the registry hold steps of different detail/input types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStep = Step<any, any, any>;
