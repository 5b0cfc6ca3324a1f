import { CreateDetectorCommand, GetDetectorCommand, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { AddUserToGroupCommand, CreateGroupCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient, ListMFADevicesCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from "@aws-sdk/client-iam";
import { expect, test } from "@playwright/test";
import { newAttendee } from "../support/moto";
import { envPaste, freshKeys, motoEndpoint, signIn } from "./support/attendee";
import { phoneCodes, readMfaQr, sessionTokenPaste } from "./support/workshop";
import { iamFor, sdk } from "./support/aws";

/**
 * Issue 8 in the browser, through the stricter AWS stand-in in front of moto
 * (tests/support/strict-aws, AWS_ENDPOINT_URL of the test server): what real AWS does and
 * moto does not, as an attendee meets it.
 */

const strictAws = () => `http://127.0.0.1:${process.env.E2E_STRICT_AWS_PORT}`;

/** A new group, and taro in it as a console user (a login profile), set up straight on moto. */
async function consoleUserTaroIn(iam: IAMClient, group: string): Promise<void> {
  await iam.send(new CreateGroupCommand({ GroupName: group }));
  await iam.send(new CreateUserCommand({ UserName: "taro" }));
  await iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: "Kd7#mPq2xW!vT9" }));
  await iam.send(new AddUserToGroupCommand({ UserName: "taro", GroupName: group }));
}

test("get-session-token without MFA: warned at sign-in, IAM cards explain, the session stays and steps 7–10 work (ja)", async ({ page }) => {
  const keys = await freshKeys();
  // `aws sts get-session-token` for a new user cli-user, answered as AWS does by the stand-in.
  const json = await sessionTokenPaste(keys, "cli-user");

  await page.goto("/ja/solo");
  await page.locator("#paste").fill(json);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("identity")).toContainText("cli-user");
  await expect(page.getByRole("note").filter({ hasText: "この認証情報は IAM に拒否されました" })).toContainText("--token-code");

  const step1 = page.getByTestId("step-root-access-keys");
  await expect(step1).toHaveAttribute("data-state", "unknown");
  await expect(step1.getByTestId("failure")).toContainText("IAM がこの認証情報を拒否しました");
  await expect(page.getByTestId("step-cloudtrail")).toHaveAttribute("data-state", "todo");

  // Checking again does not end the session (IAM's InvalidClientTokenId is not dead credentials).
  await page.getByTestId("check-all").click();
  await expect(page.getByTestId("check-all")).toBeEnabled();
  await expect(page.getByTestId("identity")).toBeVisible();
  await expect(page.locator("#paste")).toHaveCount(0);
  await page.getByTestId("step-guardduty").getByRole("button", { name: "GuardDuty を有効にする" }).click();
  await expect(page.getByTestId("step-guardduty")).toHaveAttribute("data-state", "done");
});

test("credentials about to expire: warned at sign-in, and step 6 does not start with under 5 minutes left (en)", async ({ page }) => {
  const keys = await freshKeys();
  const iam = iamFor(keys);
  await consoleUserTaroIn(iam, "admin");

  await page.goto("/en/solo");
  await page.locator("#paste").fill(envPaste({ ...keys, expiration: new Date(Date.now() + 4.5 * 60_000) }));
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("identity")).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "These credentials expire within 30 minutes" })).toBeVisible();

  const step6 = page.getByTestId("step-user-mfa");
  await step6.getByRole("button", { name: "Set up MFA for taro" }).click();
  await expect(step6.getByTestId("failure")).toContainText(/expire in [34] minutes/);
  await expect(step6.getByTestId("mfa-setup")).toHaveCount(0);
});

test("credentials expire in the middle of step 6: new ones pasted over the page, the same QR and typed code stay, MFA is added (ja)", async ({ page }) => {
  const keys = await freshKeys();
  const iam = iamFor(keys);
  await consoleUserTaroIn(iam, "admin");

  await page.goto("/ja/solo");
  await signIn(page, keys);
  const step6 = page.getByTestId("step-user-mfa");
  await step6.getByRole("button", { name: "taro の MFA 設定を始める" }).click();
  const secret = new URL(await readMfaQr(step6.getByTestId("mfa-qr"))).searchParams.get("secret")!;
  await step6.getByLabel("MFA コード 1").fill("123456");

  // AWS stops taking these keys (their expiry was past, or never pasted): ExpiredToken.
  const expire = await fetch(`${strictAws()}/__strict-aws/accounts/${keys.accountId}`, {
    method: "POST",
    body: JSON.stringify({ expiredAccessKeys: [keys.accessKeyId] }),
  });
  expect(expire.ok).toBe(true);
  await page.getByTestId("check-all").click();
  const dialog = page.getByTestId("session-lost");
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("data-reason", "expired");
  await expect(dialog.getByTestId("paste-notice")).toContainText("有効期限が切れました");

  // New credentials for the same account, pasted over the page: nothing behind it is lost.
  const renewed = await newAttendee(motoEndpoint(), keys.accountId);
  await dialog.locator("#paste").fill(envPaste(renewed));
  await dialog.getByRole("button", { name: "確認して始める" }).click();
  await expect(dialog).toBeHidden();
  await expect(step6.getByLabel("MFA コード 1")).toHaveValue("123456");
  expect(new URL(await readMfaQr(step6.getByTestId("mfa-qr"))).searchParams.get("secret")).toBe(secret);

  // The authenticator entry scanned before the expiry still works: the device is the same.
  const [code1, code2] = await phoneCodes(secret);
  await step6.getByLabel("MFA コード 1").fill(code1);
  await step6.getByLabel("MFA コード 2").fill(code2);
  await step6.getByRole("button", { name: "MFA を追加する" }).click();
  await expect(step6).toHaveAttribute("data-state", "done");
  const devices = await iam.send(new ListMFADevicesCommand({ UserName: "taro" }));
  expect(devices.MFADevices?.map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${keys.accountId}:mfa/taro`]);
});

test("step 6's one rule on the card: the only console user is outside admin and has MFA, so the step is done and says so (en)", async ({ page }) => {
  const keys = await freshKeys();
  const iam = iamFor(keys);
  await consoleUserTaroIn(iam, "developers");
  const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "taro" }));
  // Set up straight on moto (what the attendee did before): moto takes any two codes.
  await iam.send(new EnableMFADeviceCommand({ UserName: "taro", SerialNumber: device.VirtualMFADevice!.SerialNumber!, AuthenticationCode1: "123456", AuthenticationCode2: "654321" }));

  await page.goto("/en/solo");
  await signIn(page, keys);
  const step6 = page.getByTestId("step-user-mfa");
  await expect(step6).toHaveAttribute("data-state", "done");
  await expect(step6.locator("tr[data-user=taro]")).toHaveAttribute("data-mfa", "true");
  await expect(step6.getByText("Every user who can sign in to the console has MFA.")).toBeVisible();
  await expect(step6.getByText("No IAM user can sign in to the console yet", { exact: false })).toHaveCount(0);
  // Step 5 is about a console user in admin: still to do, whatever step 6 says.
  await expect(page.getByTestId("step-iam-user")).toHaveAttribute("data-state", "todo");
});

test("an unknown expiry is labelled 'usually 1 hour' (en)", async ({ page }) => {
  const keys = await freshKeys();
  await page.goto("/en/solo");
  await page.locator("#paste").fill(envPaste(keys).split("\n").slice(0, 3).join("\n"));
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("time-left")).toHaveText("Unknown (usually 1 hour)");
});

test("pastes: bidirectional marks are stripped; an export set plus a JSON set is 'more than one set' (ja)", async ({ page }) => {
  const keys = await freshKeys();
  await page.goto("/ja/solo");
  const json = JSON.stringify({ Version: 1, AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey, SessionToken: keys.sessionToken });
  await page.locator("#paste").fill(`${envPaste(keys)}\n${json}`);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("failure")).toContainText("複数の認証情報が含まれています");
  await page.locator("#paste").fill(`\u200F${envPaste(keys).replace(keys.accessKeyId, `\u202E${keys.accessKeyId}\u202C`)}\u200E`);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("identity")).toBeVisible();
});

test("/favicon.ico is an icon", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/icon/);
  expect((await res.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("the attendee's own GuardDuty: sample findings only after a warning, times in the browser's zone, turned off again at teardown (en, Paris)", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  const keys = await freshKeys();
  const gd = sdk(keys).guardduty;
  const { DetectorId } = await gd.send(new CreateDetectorCommand({ Enable: false }));

  await page.goto("/en/solo");
  await signIn(page, keys);
  const step8 = page.getByTestId("step-guardduty");
  await step8.getByRole("button", { name: "Turn GuardDuty back on" }).click();
  await expect(step8).toHaveAttribute("data-state", "done");

  const step9 = page.getByTestId("step-sample-findings");
  await expect(step9.getByTestId("findings-theirs")).toContainText("go on to EventBridge and Security Hub");
  const generate = step9.getByRole("button", { name: "Generate sample findings" });
  await expect(generate).toBeDisabled();
  await step9.getByLabel("I have told whoever receives them: generate sample findings anyway").check();
  await generate.click();
  await expect(step9).toHaveAttribute("data-state", "done");
  await step9.getByTestId("finding").first().getByRole("button").click();
  // The time is the browser's (Paris), and says so.
  await expect(step9.getByTestId("finding-detail")).toContainText(/\d{1,2}:\d{2}( [AP]M)? (CET|CEST|GMT\+1|GMT\+2)/);

  const step10 = page.getByTestId("step-teardown");
  await expect(step10).toContainText("1 resource Hajime made or changed is still there.");
  await expect(step10).toContainText("(turned off again, as it was)");
  await step10.getByTestId("open-teardown").click();
  const row = page.getByTestId("teardown-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("It is turned off again, not deleted");
  await page.getByRole("button", { name: "Clean up 1 resource" }).click();
  await expect(page.getByTestId("teardown-result")).toHaveAttribute("data-done", "true");
  await expect(row).toHaveAttribute("data-status", "restored");

  expect((await gd.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([DetectorId]);
  expect((await gd.send(new GetDetectorCommand({ DetectorId }))).Status).toBe("DISABLED");
  await context.close();
});
