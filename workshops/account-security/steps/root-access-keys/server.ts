import "server-only";
import { accountSummary } from "@/lib/aws/account-summary";
import type { Step } from "@/lib/aws/step";

export type RootAccessKeysDetail = { present: number };

/** Console-only: deleting root keys needs the root user's own sign-in. */
export const rootAccessKeys: Step<RootAccessKeysDetail> = {
  id: "root-access-keys",
  async check(aws) {
    const present = (await accountSummary(aws)).AccountAccessKeysPresent ?? 0;
    return { state: present === 0 ? "done" : "todo", detail: { present } };
  },
};
