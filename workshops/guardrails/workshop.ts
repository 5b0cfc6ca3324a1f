import type { WorkshopDef } from "../types";
import { accessAnalyzerMeta } from "./steps/access-analyzer/meta";
import { budgetMeta } from "./steps/budget/meta";
import { ebsDefaultEncryptionMeta } from "./steps/ebs-default-encryption/meta";
import { guardrailsTeardownMeta } from "./steps/guardrails-teardown/meta";
import { s3BlockPublicAccessMeta } from "./steps/s3-block-public-access/meta";

/** The second hands-on: guardrails a new account should have (cost alerts, data and access protection), then clean up. */
export const guardrails = {
  id: "guardrails",
  title: { ja: "新しいアカウントのガードレール", en: "Guardrails for a new account" },
  languages: ["ja", "en"],
  durationMinutes: 45,
  parts: [{ id: "cost-alerts" }, { id: "account-protection" }, { id: "wrap-up" }],
  steps: [budgetMeta, s3BlockPublicAccessMeta, ebsDefaultEncryptionMeta, accessAnalyzerMeta, guardrailsTeardownMeta],
} as const satisfies WorkshopDef;

export type GuardrailsStepId = (typeof guardrails.steps)[number]["id"];
