// Messages are split by area (one JSON file per namespace and language) so that
// work on one area does not touch the files of another. Add a namespace here.
import jaCommon from "./ja/common.json";
import enCommon from "./en/common.json";
import jaCredentials from "./ja/credentials.json";
import enCredentials from "./en/credentials.json";
import jaErrors from "./ja/errors.json";
import enErrors from "./en/errors.json";
import jaSteps from "./ja/steps.json";
import enSteps from "./en/steps.json";
import jaWorkshop from "./ja/workshop.json";
import enWorkshop from "./en/workshop.json";

export const messages = {
  ja: { common: jaCommon, credentials: jaCredentials, errors: jaErrors, steps: jaSteps, workshop: jaWorkshop },
  en: { common: enCommon, credentials: enCredentials, errors: enErrors, steps: enSteps, workshop: enWorkshop },
} as const;

export type Messages = (typeof messages)["ja"];

export function messagesFor(locale: string): Messages {
  return locale === "en" ? (messages.en as unknown as Messages) : messages.ja;
}
