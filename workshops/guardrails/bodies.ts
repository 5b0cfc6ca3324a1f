import type { ComponentType } from "react";
import { AccessAnalyzerBody } from "./steps/access-analyzer/Body";
import { BudgetBody } from "./steps/budget/Body";
import { EbsDefaultEncryptionBody } from "./steps/ebs-default-encryption/Body";
import { GuardrailsTeardownBody } from "./steps/guardrails-teardown/Body";
import { S3BlockPublicAccessBody } from "./steps/s3-block-public-access/Body";
import type { GuardrailsStepId } from "./workshop";

/** This workshop's card bodies: a step missing here fails tsc. */
export const guardrailsBodies = {
  budget: BudgetBody,
  "s3-block-public-access": S3BlockPublicAccessBody,
  "ebs-default-encryption": EbsDefaultEncryptionBody,
  "access-analyzer": AccessAnalyzerBody,
  "guardrails-teardown": GuardrailsTeardownBody,
} satisfies Record<GuardrailsStepId, ComponentType>;
