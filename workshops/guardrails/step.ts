import type { AnyStep, Step } from "@/lib/aws/step";

/**
 * The guardrails workshop's step ids. lib/aws/step.ts types a step's id with the first
 * workshop's catalog, which does not list these yet; until workshops are data, a step here
 * is that same Step with one of these ids, and `asStep` hands it to the runner.
 */
export type GuardrailsStepId = "budget" | "s3-block-public-access" | "ebs-default-encryption" | "access-analyzer";

export type GuardrailsStep<Detail = unknown, Input = unknown, Output = unknown> = Omit<Step<Detail, Input, Output>, "id"> & {
  id: GuardrailsStepId;
};

export const asStep = <D, I, O>(step: GuardrailsStep<D, I, O>): AnyStep => step as unknown as AnyStep;
