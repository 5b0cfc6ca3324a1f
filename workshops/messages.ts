import { mergeMessages } from "@/messages/merge";
import { accountSecurityMessages } from "./account-security/messages";

/** Every workshop's step texts, per language, merged into messages/index.ts's output. */
export const workshopMessages = {
  ja: mergeMessages(accountSecurityMessages.ja),
  en: mergeMessages(accountSecurityMessages.en),
};
