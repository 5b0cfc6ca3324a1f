// Messages are split by area (one JSON file per area and language) so that work on one
// area does not touch another's files. A new namespace: import both languages and add it
// to NAMESPACES. Keys of the `steps` namespace are spread over several files.
import jaCommon from "./ja/common.json";
import enCommon from "./en/common.json";
import jaCredentials from "./ja/credentials.json";
import enCredentials from "./en/credentials.json";
import jaErrors from "./ja/errors.json";
import enErrors from "./en/errors.json";
import jaSteps from "./ja/steps.json";
import enSteps from "./en/steps.json";
import jaStepsIam from "./ja/steps-iam.json";
import enStepsIam from "./en/steps-iam.json";
import jaStepsLogging from "./ja/steps-logging.json";
import enStepsLogging from "./en/steps-logging.json";
import jaWorkshop from "./ja/workshop.json";
import enWorkshop from "./en/workshop.json";

const ja = {
  common: jaCommon,
  credentials: jaCredentials,
  errors: jaErrors,
  steps: { ...jaSteps, ...jaStepsIam, ...jaStepsLogging },
  workshop: jaWorkshop,
};

const en = {
  common: enCommon,
  credentials: enCredentials,
  errors: enErrors,
  steps: { ...enSteps, ...enStepsIam, ...enStepsLogging },
  workshop: enWorkshop,
};

export type Messages = typeof ja;
export const messages: Record<"ja" | "en", Messages> = { ja, en: en as unknown as Messages };

export function messagesFor(locale: string): Messages {
  return locale === "en" ? messages.en : messages.ja;
}
