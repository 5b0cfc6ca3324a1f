import { expect, test } from "@playwright/test";
import { envPaste, freshKeys } from "./support/attendee";
import { expectNoTrap, focused, tabTo } from "./support/keyboard";
import { createRoomInUi } from "./support/rooms";
import { phoneCodes, readMfaQr } from "./support/workshop";

/**
 * Issue 11: an attendee who uses only the keyboard joins a room and works through it: the
 * join form (nickname and paste), "check all", the fixes of steps 3–6 with the MFA codes
 * typed (computed from the QR on the screen), step 8, and the teardown confirmed. At every
 * Tab stop the focus ring shows whole, the element is not hidden under the sticky toolbar or
 * the announcement bar, and it is at least 24×24 px (tests/e2e/support/keyboard.ts). After
 * every async update focus is on what changed; nothing traps it.
 */
test("keyboard only: join, check all, steps 3–6 with MFA codes typed, step 8, teardown (ja)", async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  const room = await createRoomInUi(organizer, "キーボードだけで");
  const keys = await freshKeys();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const kb = page.keyboard;
  const step = (id: string) => page.getByTestId(`step-${id}`);
  const resultOf = (id: string) => step(id).locator("[data-fix-result=success]");

  // The join page: the first Tab offers to skip the header.
  await page.goto(room.joinUrl);
  const skip = await tabTo(page, () => true, { where: "join page" });
  expect(skip.name).toBe("本文へ移動");
  await kb.press("Enter");
  await kb.press("Tab");
  expect((await focused(page))?.id).toBe("nickname");
  await kb.type("けんた");
  // A long-term key first: refused, and focus goes to the error, which says why.
  await tabTo(page, (s) => s.id === "paste", { where: "join form" });
  await kb.insertText("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  await tabTo(page, (s) => s.tag === "button" && s.name === "参加する", { where: "join form" });
  await kb.press("Enter");
  await expect(page.getByTestId("failure")).toBeFocused();
  await expect(page.getByTestId("failure")).toContainText("長期のアクセスキー");
  // Back to the paste box, replaced with the short-lived credentials.
  await tabTo(page, (s) => s.id === "paste", { back: true, where: "join form" });
  await kb.press("Control+A");
  await kb.insertText(envPaste(keys));
  await tabTo(page, (s) => s.tag === "button" && s.name === "参加する", { where: "join form" });
  await kb.press("Enter");

  // Joined: focus on the banner saying who is signed in, not lost to the page.
  await expect(page.getByTestId("room-nickname")).toHaveText("けんた として参加中");
  await expect(page.getByRole("region", { name: "サインイン中の認証情報" })).toBeFocused();
  await expect(page.getByTestId("check-summary")).toContainText("すべて確認しました");

  // The organizer announces: the bar at the bottom stays up while the attendee carries on,
  // and nothing focused below may hide under it.
  await organizer.goto(room.organizerUrl);
  await organizer.locator("#announcement").fill("15 時から後片付けです。");
  await organizer.getByRole("button", { name: "お知らせを出す" }).click();
  await expect(page.getByTestId("announcement-toast")).toBeVisible();

  // "Check all": focus stays on the button; one polite sentence says what was found.
  await tabTo(page, (s) => s.testid === "check-all", { where: "checklist" });
  const checks = Number(await page.getByTestId("check-summary").getAttribute("data-checks"));
  await kb.press("Enter");
  await expect(page.getByTestId("check-summary")).toHaveAttribute("data-checks", String(checks + 1));
  await expect(page.getByTestId("check-summary")).toHaveText(/^すべて確認しました: 完了 \d+、未完了 \d+、確認できない手順 0。$/);
  await expect(page.getByTestId("check-all")).toBeFocused();

  // Step 3, then step 4: each result takes focus when it lands.
  await tabTo(page, (s) => s.name === "推奨のポリシーを設定する", { where: "step 3" });
  await kb.press("Enter");
  await expect(step("password-policy")).toHaveAttribute("data-state", "done");
  await expect(resultOf("password-policy")).toBeFocused();
  await tabTo(page, (s) => s.name === "admin グループを作成する", { where: "step 4" });
  await kb.press("Enter");
  await expect(step("admin-group")).toHaveAttribute("data-state", "done");
  await expect(resultOf("admin-group")).toBeFocused();

  // Step 5: a user name typed, a generated password, the user created.
  await tabTo(page, (s) => s.tag === "input" && s.id.endsWith("-name"), { where: "step 5" });
  await kb.type("kenta");
  await tabTo(page, (s) => s.name === "強いパスワードを生成する", { where: "step 5" });
  await kb.press("Enter");
  await tabTo(page, (s) => s.name === "ユーザーを作成する", { where: "step 5" });
  await kb.press("Enter");
  await expect(step("iam-user")).toHaveAttribute("data-state", "done");
  await expect(resultOf("iam-user")).toBeFocused();

  // Step 6: start, the codes typed from the QR on the screen, MFA on.
  await tabTo(page, (s) => s.name === "kenta の MFA 設定を始める", { where: "step 6" });
  await kb.press("Enter");
  await expect(step("user-mfa").getByTestId("mfa-setup-title")).toBeFocused();
  const secret = new URL(await readMfaQr(step("user-mfa").getByTestId("mfa-qr"))).searchParams.get("secret")!;
  await tabTo(page, (s) => s.id.endsWith("-code1"), { where: "step 6" });
  const [code1, code2] = await phoneCodes(secret);
  await kb.type(code1);
  await kb.press("Tab");
  expect((await focused(page))?.id).toMatch(/-code2$/);
  await kb.type(code2);
  await kb.press("Enter");
  await expect(step("user-mfa")).toHaveAttribute("data-state", "done");
  await expect(resultOf("user-mfa")).toBeFocused();

  // Step 8, so that the teardown has something to remove.
  await tabTo(page, (s) => s.name === "GuardDuty を有効にする", { where: "step 8" });
  await kb.press("Enter");
  await expect(step("guardduty")).toHaveAttribute("data-state", "done");
  await expect(resultOf("guardduty")).toBeFocused();

  // Step 10: to the teardown page, confirm; focus follows the run to its result.
  await tabTo(page, (s) => s.testid === "open-teardown", { where: "step 10" });
  await kb.press("Enter");
  await expect(page).toHaveURL(/\/teardown$/);
  await expect(page.getByTestId("confirm-teardown")).toBeVisible();
  await tabTo(page, (s) => s.testid === "confirm-teardown", { where: "teardown page" });
  await kb.press("Enter");
  await expect(page.getByTestId("teardown-result")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("teardown-result")).toBeFocused();
  await expectNoTrap(page, "teardown page");

  // Back to the checklist by keyboard; no trap there either, all the way round.
  await tabTo(page, (s) => s.tag === "a" && s.name.endsWith("ハンズオンに戻る"), { where: "teardown page" });
  await kb.press("Enter");
  await expect(step("teardown")).toHaveAttribute("data-state", "done");
  await expectNoTrap(page, "checklist");
  await context.close();
});
