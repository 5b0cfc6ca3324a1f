import accessAnalyzerJa from "./steps/access-analyzer/ja.json";
import budgetJa from "./steps/budget/ja.json";
import ebsDefaultEncryptionJa from "./steps/ebs-default-encryption/ja.json";
import guardrailsTeardownJa from "./steps/guardrails-teardown/ja.json";
import s3BlockPublicAccessJa from "./steps/s3-block-public-access/ja.json";
import accessAnalyzerEn from "./steps/access-analyzer/en.json";
import budgetEn from "./steps/budget/en.json";
import ebsDefaultEncryptionEn from "./steps/ebs-default-encryption/en.json";
import guardrailsTeardownEn from "./steps/guardrails-teardown/en.json";
import s3BlockPublicAccessEn from "./steps/s3-block-public-access/en.json";
import workshopJa from "./ja.json";
import workshopEn from "./en.json";
import type { GuardrailsStepId } from "./workshop";

// Each step's texts live beside it (steps/<id>/{ja,en}.json) under the namespace `steps.<id>`;
// the workshop's own (its part headings, `workshop.parts.<part>`) in ./{ja,en}.json.
const jaSteps = {
  budget: budgetJa,
  "s3-block-public-access": s3BlockPublicAccessJa,
  "ebs-default-encryption": ebsDefaultEncryptionJa,
  "access-analyzer": accessAnalyzerJa,
  "guardrails-teardown": guardrailsTeardownJa,
} satisfies Record<GuardrailsStepId, object>;

const enSteps = {
  budget: budgetEn,
  "s3-block-public-access": s3BlockPublicAccessEn,
  "ebs-default-encryption": ebsDefaultEncryptionEn,
  "access-analyzer": accessAnalyzerEn,
  "guardrails-teardown": guardrailsTeardownEn,
} satisfies Record<GuardrailsStepId, object>;

export const guardrailsMessages = { ja: { ...workshopJa, steps: jaSteps }, en: { ...workshopEn, steps: enSteps } };
