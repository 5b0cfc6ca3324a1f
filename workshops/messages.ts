import { mergeMessages } from "@/messages/merge";
import { accountSecurityMessages } from "./account-security/messages";
import { guardrailsMessages } from "./guardrails/messages";

/** Every workshop's step texts, per language, merged into messages/index.ts's output. */
export const workshopMessages = {
  ja: mergeMessages(accountSecurityMessages.ja, guardrailsMessages.ja),
  en: mergeMessages(accountSecurityMessages.en, guardrailsMessages.en),
};
