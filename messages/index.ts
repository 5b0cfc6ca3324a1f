// Messages are split by area: each area owns one file per language (core, iam, logging,
// rooms…), and each file holds namespaces at its top level. The files are deep-merged;
// two files defining the same key is an error. A new area: import both files below. Step
// texts live in their step folders (workshops/<workshop>/steps/<step>/{ja,en}.json).
import jaCore from "./ja/core.json";
import enCore from "./en/core.json";
import jaIam from "./ja/iam.json";
import enIam from "./en/iam.json";
import jaLogging from "./ja/logging.json";
import enLogging from "./en/logging.json";
import jaRooms from "./ja/rooms.json";
import enRooms from "./en/rooms.json";
import jaResilience from "./ja/resilience.json";
import enResilience from "./en/resilience.json";
import jaA11y from "./ja/a11y.json";
import enA11y from "./en/a11y.json";
import { workshopMessages } from "@/workshops/messages";
import { mergeMessages } from "./merge";

const ja = mergeMessages(jaCore, jaIam, jaLogging, jaRooms, jaResilience, jaA11y, workshopMessages.ja);
const en = mergeMessages(enCore, enIam, enLogging, enRooms, enResilience, enA11y, workshopMessages.en);

export type Messages = typeof ja;
export const messages: Record<"ja" | "en", Messages> = { ja, en: en as unknown as Messages };

export function messagesFor(locale: string): Messages {
  return locale === "en" ? messages.en : messages.ja;
}
