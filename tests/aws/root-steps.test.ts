import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { runCheck } from "@/lib/aws/run";
import { rootAccessKeys } from "@/workshops/account-security/steps/root-access-keys/server";
import { rootMfa } from "@/workshops/account-security/steps/root-mfa/server";
import { messages } from "@/messages";
import { attendee } from "./attendee";
import { strictAws } from "./strict";

describe("steps 1 and 2: root access keys and root MFA", () => {
  it("against real moto: step 1 is done (no root keys) and step 2 todo (moto always reports root MFA off)", async () => {
    const { aws } = await attendee();
    expect(await runCheck(rootAccessKeys, aws)).toMatchObject({ state: "done", detail: { present: 0 } });
    // moto always answers AccountMFAEnabled: 0, so the honest answer from it is "todo".
    expect(await runCheck(rootMfa, aws)).toMatchObject({ state: "todo", detail: { enabled: false } });
  });

  // moto's GetAccountSummary always reports 0 for the root fields: a mock of that one call.
  it("report root access keys as not done, with their count (mock of GetAccountSummary only)", async () => {
    const { aws } = await attendee();
    const mock = mockClient(aws.iam);
    mock.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountAccessKeysPresent: 2, AccountMFAEnabled: 0 } });
    try {
      const check = await runCheck(rootAccessKeys, aws);
      expect(check).toMatchObject({ state: "todo", detail: { present: 2 } });
      // What the card then says, from the detail.
      const t = createTranslator({ locale: "ja", messages: messages.ja, namespace: "steps.root-access-keys" });
      expect(t("present", { count: (check.detail as { present: number }).present })).toBe("ルートユーザーのアクセスキーが 2 個あります。次の手順でコンソールから削除してください。");
      expect(mock.calls()).toHaveLength(1);
    } finally {
      mock.restore();
    }
  });

  it("report root MFA as done when AWS says it is enabled (mock of GetAccountSummary only)", async () => {
    const { aws } = await attendee();
    const mock = mockClient(aws.iam);
    mock.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 1 } });
    try {
      expect(await runCheck(rootMfa, aws)).toMatchObject({ state: "done", detail: { enabled: true } });
      mock.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 0 } });
      expect(await runCheck(rootMfa, aws)).toMatchObject({ state: "todo", detail: { enabled: false } });
    } finally {
      mock.restore();
    }
  });
});

/**
 * The step 2 verdict: a member account whose root access AWS Organizations manages centrally
 * has no root password at all. GetAccountSummary says so (AccountPasswordPresent); moto leaves
 * the key out, the stricter stand-in (root-credentials) reports it as AWS does.
 */
describe("step 2 with root access managed centrally (stricter stand-in)", () => {
  it("is done, and says why, when the root user has no password, keys or MFA", async () => {
    const { aws, accountId } = await attendee();
    strictAws().configure(accountId, { rootCredentials: "none" });
    expect(await runCheck(rootMfa, aws)).toMatchObject({ state: "done", detail: { enabled: false, rootCredentials: "none" } });
    expect(await runCheck(rootAccessKeys, aws)).toMatchObject({ state: "done" });
    const t = createTranslator({ locale: "en", messages: messages.en, namespace: "steps.root-mfa" });
    expect(t("noRootCredentials")).toContain("managed centrally");
  });

  it("stays to do in a standalone account whose root user has a password and no MFA", async () => {
    const { aws } = await attendee();
    expect(await runCheck(rootMfa, aws)).toMatchObject({ state: "todo", detail: { enabled: false, rootCredentials: "present" } });
  });
});
