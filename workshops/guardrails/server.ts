import "server-only";
import type { AnyStep } from "@/lib/aws/step";
import { accessAnalyzer } from "./steps/access-analyzer/server";
import { budget } from "./steps/budget/server";
import { ebsDefaultEncryption } from "./steps/ebs-default-encryption/server";
import { guardrailsTeardown } from "./steps/guardrails-teardown/server";
import { s3BlockPublicAccess } from "./steps/s3-block-public-access/server";
import type { GuardrailsStepId } from "./workshop";

/** This workshop's server steps: a step missing here fails tsc. */
export const guardrailsServer = {
  budget,
  "s3-block-public-access": s3BlockPublicAccess,
  "ebs-default-encryption": ebsDefaultEncryption,
  "access-analyzer": accessAnalyzer,
  "guardrails-teardown": guardrailsTeardown,
} satisfies Record<GuardrailsStepId, AnyStep>;
