import { expect, test } from "@playwright/test";
import { freshKeys, signIn } from "./support/attendee";

test("solo practice: sign in and set the password policy (ja)", async ({ page }) => {
  const keys = await freshKeys();
  await page.goto("/ja/solo");
  await expect(page.getByRole("heading", { name: "ひとりで練習" })).toBeVisible();
  await signIn(page, keys);
  await expect(page.getByTestId("account")).toHaveText(`********${keys.accountId.slice(-4)}`);
  const card = page.getByTestId("step-password-policy");
  await expect(card).toHaveAttribute("data-state", "todo");
  await card.getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(card).toHaveAttribute("data-state", "done");
});

test("'check all' and fixes say so when the server cannot be reached; the page keeps what it showed", async ({ page }) => {
  const keys = await freshKeys();
  await page.goto("/ja/solo");
  await signIn(page, keys);
  const card = page.getByTestId("step-root-access-keys");
  await expect(card).toHaveAttribute("data-state", "done");

  // Server actions are POSTs with a Next-Action header; drop them as a dead Wi-Fi would.
  await page.route("**/*", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.fallback(),
  );
  await page.getByTestId("check-all").click();
  const toolbarFailure = page.getByTestId("progress-count").locator("..").getByTestId("failure");
  await expect(toolbarFailure).toContainText("Hajime のサーバーに接続できませんでした");
  await expect(card).toHaveAttribute("data-state", "done");
  // A fix whose call never arrives says so on its card; the page carries on.
  const policy = page.getByTestId("step-password-policy");
  await policy.getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(policy.getByTestId("failure")).toContainText("Hajime のサーバーに接続できませんでした");
  await expect(policy).toHaveAttribute("data-state", "todo");

  await page.unroute("**/*");
  await page.getByTestId("check-all").click();
  await expect(toolbarFailure).toHaveCount(0);
  await expect(card).toHaveAttribute("data-state", "done");
  await policy.getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(policy).toHaveAttribute("data-state", "done");
});
