import "server-only";
import { accountSummary } from "../account-summary";
import type { Step } from "../step";

export type RootMfaDetail = { enabled: boolean };

/** Console-only: no API assigns an MFA device to the root user. */
export const rootMfa: Step<RootMfaDetail> = {
  id: "root-mfa",
  async check(aws) {
    const enabled = (await accountSummary(aws)).AccountMFAEnabled === 1;
    return { state: enabled ? "done" : "todo", detail: { enabled } };
  },
};
