import { expect, test } from "@playwright/test";
import { envPaste, freshKeys } from "./support/attendee";
import { expectAccessible } from "./support/a11y";
import { holdServerActions, msg, phoneCodes, readMfaQr, sessionTokenPaste, type Locale } from "./support/workshop";

/**
 * Issue 11: the attendee's checklist in every state they see, in both languages, scanned with
 * axe (tests/e2e/support/a11y.ts) on one page load as the attendee works through it: the paste
 * form (empty, refused), cards to do and done, a fix in progress, step 5's sign-in details,
 * step 6's QR and a refused code, the findings list, teardown (review, under way, finished),
 * the session-lost dialog, cards IAM refused to check. Also: focus goes where things changed,
 * and "check all" ends in one polite sentence.
 */

// ja and en are independent: let the two workers take one each.
test.describe.configure({ mode: "parallel" });

for (const locale of ["ja", "en"] as const satisfies readonly Locale[]) {
  test(`the attendee's checklist in every state: 0 axe violations (${locale})`, async ({ browser }) => {
    const m = (key: string, vars?: Record<string, string | number>) => msg(locale, key, vars);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: locale === "ja" ? "ja-JP" : "en-GB" });
    const page = await context.newPage();
    const step = (id: string) => page.getByTestId(`step-${id}`);
    const keys = await freshKeys();

    // The paste form: empty, then refused (focus on the error).
    await page.goto(`/${locale}/solo`);
    await expectAccessible(page, `paste form, empty (${locale})`);
    await page.locator("#paste").fill("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE");
    await page.locator("form button[type=submit]").click();
    await expect(page.getByTestId("failure")).toBeFocused();
    await expectAccessible(page, `paste form, refused (${locale})`);

    // Signed in: focus on who is signed in; one summary once the first check is done.
    await page.locator("#paste").fill(envPaste(keys));
    await page.locator("form button[type=submit]").click();
    await expect(page.getByRole("region", { name: m("credentials.bannerLabel") })).toBeFocused();
    await expect(step("root-access-keys")).toHaveAttribute("data-state", "done");
    await expect(step("password-policy")).toHaveAttribute("data-state", "todo");
    const summary = page.getByTestId("check-summary");
    await expect(summary).toHaveAttribute("role", "status");
    await expect(summary).toHaveText(locale === "ja" ? /^すべて確認しました: 完了 \d+、未完了 \d+、確認できない手順 0。$/ : /^Check finished: \d+ done, \d+ to do, 0 could not be checked\.$/);
    // The progress count is not a live region of its own: the summary speaks for the check.
    await expect(page.getByTestId("progress-count")).not.toHaveAttribute("aria-live", /.*/);
    await expectAccessible(page, `checklist, cards to do and done (${locale})`);

    // A fix in progress keeps focus on its (busy) button; its result takes focus when it lands.
    const fix3 = step("password-policy").getByRole("button", { name: m("steps.password-policy.fix") });
    const hold = await holdServerActions(page);
    await fix3.click();
    await expect(fix3).toHaveAttribute("aria-busy", "true");
    await expect(fix3).toBeFocused();
    await expectAccessible(page, `a fix in progress (${locale})`);
    await hold.release();
    await expect(step("password-policy")).toHaveAttribute("data-state", "done");
    await expect(step("password-policy").getByRole("status").filter({ hasText: m("steps.password-policy.did") })).toBeFocused();

    await step("admin-group").getByRole("button", { name: m("steps.admin-group.fix") }).click();
    await expect(step("admin-group")).toHaveAttribute("data-state", "done");
    await expect(step("admin-group").locator("[data-fix-result=success]")).toBeFocused();

    // Step 5: the user, then its sign-in details.
    const step5 = step("iam-user");
    await step5.getByLabel(m("steps.iam-user.userName")).fill("hana");
    await step5.getByRole("button", { name: m("steps.iam-user.generate") }).click();
    await step5.getByRole("button", { name: m("steps.iam-user.submit") }).click();
    await expect(step5).toHaveAttribute("data-state", "done");
    await expect(step5.getByTestId("sign-in-url")).toBeVisible();
    await expect(step5.locator("[data-fix-result=success]")).toBeFocused();
    await expectAccessible(page, `step 5 with the sign-in details (${locale})`);

    // Step 6: the QR, a refused pair of codes (focus back on the first code), then MFA on.
    const step6 = step("user-mfa");
    await step6.getByRole("button", { name: m("steps.user-mfa.start", { user: "hana" }) }).click();
    await expect(step6.getByTestId("mfa-setup-title")).toBeFocused();
    const secret = new URL(await readMfaQr(step6.getByTestId("mfa-qr"))).searchParams.get("secret")!;
    await expectAccessible(page, `step 6 with the QR code (${locale})`);
    await step6.getByLabel(m("steps.user-mfa.code1")).fill("111111");
    await step6.getByLabel(m("steps.user-mfa.code2")).fill("222222");
    await step6.getByRole("button", { name: m("steps.user-mfa.enable") }).click();
    await expect(step6.getByTestId("failure")).toBeVisible();
    await expect(step6.getByLabel(m("steps.user-mfa.code1"))).toBeFocused();
    await expectAccessible(page, `step 6, codes refused (${locale})`);
    const [code1, code2] = await phoneCodes(secret);
    await step6.getByLabel(m("steps.user-mfa.code1")).fill(code1);
    await step6.getByLabel(m("steps.user-mfa.code2")).fill(code2);
    await step6.getByRole("button", { name: m("steps.user-mfa.enable") }).click();
    await expect(step6).toHaveAttribute("data-state", "done");
    await expect(step6.locator("[data-fix-result=success]")).toBeFocused();

    // Steps 7–9, then the findings list with one finding open.
    await step("cloudtrail").getByRole("button", { name: m("steps.cloudtrail.submit") }).click();
    await expect(step("cloudtrail")).toHaveAttribute("data-state", "done");
    await expect(step("cloudtrail").getByTestId("cloudtrail-done")).toBeFocused();
    await step("guardduty").getByRole("button", { name: m("steps.guardduty.enable") }).click();
    await expect(step("guardduty")).toHaveAttribute("data-state", "done");
    await step("sample-findings").getByRole("button", { name: m("steps.sample-findings.generate") }).click();
    await expect(step("sample-findings")).toHaveAttribute("data-state", "done");
    await expect(step("sample-findings").locator("[data-fix-result=success]")).toBeFocused();
    const finding = step("sample-findings").getByTestId("finding").first();
    await finding.getByRole("button").click();
    await expect(step("sample-findings").getByTestId("finding-detail")).toBeVisible();
    // GuardDuty's own words are English: marked so on a Japanese page.
    if (locale === "ja") await expect(step("sample-findings").getByTestId("finding-detail").locator("p").first()).toHaveAttribute("lang", "en");
    await expectAccessible(page, `findings list, one finding open (${locale})`);

    // Teardown: the review, removal under way, finished.
    await step("teardown").getByTestId("open-teardown").click();
    await expect(page.getByTestId("confirm-teardown")).toBeVisible();
    await expectAccessible(page, `teardown review (${locale})`);
    const held = await holdServerActions(page);
    await page.getByTestId("confirm-teardown").click();
    await expect(page.getByTestId("teardown-progress")).toBeFocused();
    await expect(page.getByTestId("teardown-row").first()).toHaveAttribute("data-status", "removing");
    await expectAccessible(page, `teardown under way (${locale})`);
    await held.release();
    await expect(page.getByTestId("teardown-result")).toHaveAttribute("data-done", "true");
    await expect(page.getByTestId("teardown-result")).toBeFocused();
    await expectAccessible(page, `teardown finished (${locale})`);

    // Back on the checklist, the credentials are lost (the server forgot the session): a
    // dialog asks for a new paste over the page.
    await page.goBack();
    await expect(step("teardown")).toHaveAttribute("data-state", "done");
    const session = (await context.cookies()).find((c) => c.name === "hajime_session")!;
    await context.addCookies([{ ...session, value: "0".repeat(43) }]);
    await page.getByTestId("check-all").click();
    const dialog = page.getByTestId("session-lost");
    await expect(dialog).toBeVisible();
    await expect(dialog.locator("#paste")).toBeFocused();
    await expectAccessible(page, `session-lost dialog open (${locale})`);
    await dialog.locator("#paste").fill(envPaste(keys));
    await dialog.locator("form button[type=submit]").click();
    await expect(dialog).toBeHidden();

    // Signed out: focus in the paste box. Then credentials IAM refuses: cards that could not be checked.
    await page.getByRole("button", { name: m("credentials.signOut") }).click();
    await expect(page.locator("#paste")).toBeFocused();
    await page.locator("#paste").fill(await sessionTokenPaste(await freshKeys()));
    await page.locator("form button[type=submit]").click();
    await expect(step("root-access-keys")).toHaveAttribute("data-state", "unknown");
    await expect(step("root-access-keys").getByTestId("failure")).toBeVisible();
    await expect(page.getByTestId("check-summary")).toHaveText(locale === "ja" ? /確認できない手順 [1-9]/ : /[1-9]\d* could not be checked/);
    await expectAccessible(page, `cards IAM refused to check (${locale})`);
    await context.close();
  });
}
