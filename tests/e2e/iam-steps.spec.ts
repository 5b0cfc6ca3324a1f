import { readFile } from "node:fs/promises";
import {
  GetGroupCommand,
  GetLoginProfileCommand,
  ListMFADevicesCommand,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { expect, test, type Page } from "@playwright/test";
import { freshKeys, signIn } from "./support/attendee";
import { iamFor } from "./support/aws";
import { phoneCodes, readMfaQr } from "./support/workshop";

async function doSteps3and4(page: Page) {
  const step3 = page.getByTestId("step-password-policy");
  await step3.getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(step3).toHaveAttribute("data-state", "done");

  const step5 = page.getByTestId("step-iam-user");
  await expect(step5.getByText("admin グループがまだありません。")).toBeVisible();

  const step4 = page.getByTestId("step-admin-group");
  await expect(step4).toHaveAttribute("data-state", "todo");
  await expect(step4.getByText("まだありません")).toBeVisible();
  await step4.getByRole("button", { name: "admin グループを作成する" }).click();
  await expect(step4).toHaveAttribute("data-state", "done");
  await expect(step4.getByText("admin グループを作成しました。")).toBeVisible();
  await expect(step4.getByText("admin グループに AdministratorAccess をアタッチしました。")).toBeVisible();
}

test("steps 3–6 in Japanese: weak passwords refused, sign-in details, MFA from the QR on the page", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const keys = await freshKeys();
  const iam = iamFor(keys);
  await page.goto("/ja/solo");
  await signIn(page, keys);
  await doSteps3and4(page);

  // Step 5: the account's policy (step 3), ticked off live.
  const step5 = page.getByTestId("step-iam-user");
  const name = step5.getByLabel("ユーザー名");
  const password = step5.getByLabel("コンソール用のパスワード");
  const rules = step5.getByTestId("password-rules");
  const submit = step5.getByRole("button", { name: "ユーザーを作成する" });
  await name.fill("taro");
  await password.pressSequentially("abc");
  await expect(rules.locator("li", { hasText: "8 文字以上" })).toHaveAttribute("data-met", "false");
  await expect(rules.locator("li", { hasText: "小文字（a〜z）を含む" })).toHaveAttribute("data-met", "true");
  await expect(rules.locator("li", { hasText: "記号（" })).toHaveAttribute("data-met", "false");
  await submit.click();
  await expect(step5.getByText("パスワードがまだ条件を満たしていません。")).toBeVisible();
  await expect(password).toHaveValue("abc");

  // The policy gets stricter behind the page's back: the server's own check refuses.
  await iam.send(
    new UpdateAccountPasswordPolicyCommand({
      MinimumPasswordLength: 24,
      RequireLowercaseCharacters: true,
      RequireUppercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: true,
    }),
  );
  await password.fill("Kd7#mPq2xW!vT9");
  await expect(rules.locator("li[data-met=false]")).toHaveCount(0);
  await submit.click();
  await expect(step5.getByRole("alert").filter({ hasText: "パスワードポリシーを満たしていない" })).toBeVisible();
  await expect(password).toHaveValue("Kd7#mPq2xW!vT9");
  await expect(name).toHaveValue("taro");
  await expect(rules.locator("li", { hasText: "24 文字以上" })).toHaveAttribute("data-met", "false");
  await expect(iam.send(new GetLoginProfileCommand({ UserName: "taro" }))).rejects.toThrow();

  // A generated password meets the new rules.
  await step5.getByRole("button", { name: "強いパスワードを生成する" }).click();
  await expect(rules.locator("li[data-met=false]")).toHaveCount(0);
  const typed = await password.inputValue();
  expect(typed.length).toBeGreaterThanOrEqual(24);
  await submit.click();
  await expect(step5).toHaveAttribute("data-state", "done");
  await expect(step5.getByText("IAM ユーザー taro を作成しました。")).toBeVisible();
  await expect(step5.getByTestId("console-admins")).toHaveText("taro");

  const signInUrl = `https://${keys.accountId}.signin.aws.amazon.com/console`;
  await expect(step5.getByTestId("sign-in-url")).toHaveText(signInUrl);
  await step5.getByTestId("sign-in-url").locator("..").getByRole("button", { name: "コピー" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(signInUrl);

  // The password typed in this page can be shown once more (from the page's memory, not the server).
  await expect(step5.getByTestId("fresh-password")).not.toHaveText(typed);
  await step5.getByTestId("fresh-password").locator("..").getByRole("button", { name: "表示" }).click();
  await expect(step5.getByTestId("fresh-password")).toHaveText(typed);

  const [download] = await Promise.all([page.waitForEvent("download"), step5.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toBe("taro_credentials.csv");
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toBe(`User name,Password,Console sign-in URL\r\ntaro,${typed},${signInUrl}\r\n`);

  // What moto now holds.
  await iam.send(new GetLoginProfileCommand({ UserName: "taro" }));
  const group = await iam.send(new GetGroupCommand({ GroupName: "admin" }));
  expect(group.Users?.map((u) => u.UserName)).toEqual(["taro"]);

  // Step 6: scan the QR drawn in the browser, type two consecutive codes.
  const step6 = page.getByTestId("step-user-mfa");
  await expect(step6.locator("tr[data-user=taro]")).toHaveAttribute("data-mfa", "false");
  await step6.getByRole("button", { name: "taro の MFA 設定を始める" }).click();
  const uri = new URL(await readMfaQr(step6.getByTestId("mfa-qr")));
  expect(uri.protocol).toBe("otpauth:");
  expect(uri.host).toBe("totp");
  expect(decodeURIComponent(uri.pathname.slice(1))).toBe(`Amazon Web Services:taro@${keys.accountId}`);
  expect(uri.searchParams.get("issuer")).toBe("Amazon Web Services");
  const secret = uri.searchParams.get("secret")!;
  await expect(step6.getByTestId("mfa-secret")).toHaveText(secret.match(/.{1,4}/g)!.join(" "));

  const [code1, code2] = await phoneCodes(secret);
  await step6.getByLabel("MFA コード 1").fill(code1);
  await step6.getByLabel("MFA コード 2").fill(code2);
  await step6.getByRole("button", { name: "MFA を追加する" }).click();
  await expect(step6).toHaveAttribute("data-state", "done");
  await expect(step6.getByText("taro に MFA を設定しました。")).toBeVisible();
  await expect(step6.getByTestId("mfa-qr")).toHaveCount(0);
  await expect(step6.locator("tr[data-user=taro]")).toHaveAttribute("data-mfa", "true");

  const devices = await iam.send(new ListMFADevicesCommand({ UserName: "taro" }));
  expect(devices.MFADevices?.map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${keys.accountId}:mfa/taro`]);
});

test("on a phone (390×844): the IAM cards fit the screen and the QR is whole", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const keys = await freshKeys();
  await page.goto("/ja/solo");
  await signIn(page, keys);
  await doSteps3and4(page);

  const step5 = page.getByTestId("step-iam-user");
  await step5.getByLabel("ユーザー名").fill("ｈａｎａｋｏ");
  await step5.getByRole("button", { name: "強いパスワードを生成する" }).click();
  await step5.getByRole("button", { name: "ユーザーを作成する" }).click();
  await expect(step5).toHaveAttribute("data-state", "done");
  // The full-width name typed with an IME became ASCII.
  await expect(step5.getByTestId("console-admins")).toHaveText("hanako");

  const step6 = page.getByTestId("step-user-mfa");
  await step6.getByRole("button", { name: "hanako の MFA 設定を始める" }).click();
  const qr = step6.getByTestId("mfa-qr");
  await expect(qr).toHaveAttribute("data-drawn", "true");
  await qr.scrollIntoViewIfNeeded();
  const box = (await qr.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.width).toBeGreaterThanOrEqual(200);
  expect(await readMfaQr(qr)).toContain("hanako");

  // Typing the same code twice is caught here, before AWS.
  const code1 = step6.getByLabel("MFA コード 1");
  const code2 = step6.getByLabel("MFA コード 2");
  await code1.fill("123456");
  await code2.fill("123456");
  await step6.getByRole("button", { name: "MFA を追加する" }).click();
  await expect(step6.getByText("2 つのコードが同じです。")).toBeVisible();

  // Wrong codes: AWS refuses them (moto does not check codes: a mock of EnableMFADevice's
  // code check alone, tests/e2e/support/iam-mfa-codes-mock.ts, does as AWS does). The
  // attendee is told why, with the hint about the phone's clock, and keeps the QR.
  await code1.fill("111111");
  await code2.fill("222222");
  await step6.getByRole("button", { name: "MFA を追加する" }).click();
  await expect(step6.getByRole("alert").filter({ hasText: "コードが正しくありません" })).toContainText("スマートフォンの時刻");
  await expect(step6).toHaveAttribute("data-state", "todo");
  await expect(qr).toBeVisible();

  // The right codes, read from the same QR, then work.
  const secret = new URL(await readMfaQr(qr)).searchParams.get("secret")!;
  const [right1, right2] = await phoneCodes(secret);
  await code1.fill(right1);
  await code2.fill(right2);
  await step6.getByRole("button", { name: "MFA を追加する" }).click();
  await expect(step6).toHaveAttribute("data-state", "done");

  // Nothing sticks out sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const card of [page.getByTestId("step-admin-group"), step5, step6]) {
    const b = (await card.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
  }
});
