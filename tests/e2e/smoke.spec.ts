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
