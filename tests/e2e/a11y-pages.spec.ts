import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { envPaste, freshKeys } from "./support/attendee";
import { expectAccessible } from "./support/a11y";
import { seedAttendees } from "./support/seed";

/**
 * Issue 11: every page a room's people see, in both languages and in the states they meet,
 * scanned with axe (WCAG 2.2 A/AA and best practices, tests/e2e/support/a11y.ts), several
 * states per page load. The attendee's checklist in depth is a11y-workshop.spec.ts; the
 * keyboard-only walk is keyboard.spec.ts.
 */

// ja and en are independent: let the two workers take one each.
test.describe.configure({ mode: "parallel" });

const LOCALES = ["ja", "en"] as const;
type Locale = (typeof LOCALES)[number];
const SHOTS = ".artifacts/a11y";

const T = {
  ja: { announce: "後片付けの時間です。手順 10 を開いてください。", nickname: "あおい" },
  en: { announce: "Time to clean up: open step 10.", nickname: "Aoi" },
} satisfies Record<Locale, unknown>;

async function newPage(browser: Browser, locale: Locale, size = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: locale === "ja" ? "ja-JP" : "en-GB" });
  return context.newPage();
}

/** Scrolls sideways? At 200 % zoom on a laptop (640 CSS px) nothing should. */
async function expectNoSidewaysScroll(page: Page, state: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${state} scrolls sideways`).toBeLessThanOrEqual(0);
}

for (const locale of LOCALES) {
  test(`landing, room created, join, organizer, board empty and full, error pages: 0 axe violations (${locale})`, async ({ browser }) => {
    mkdirSync(SHOTS, { recursive: true });
    // Landing, then the create form open, then the room created (the organizer key shown once).
    const org = await newPage(browser, locale);
    await org.goto(`/${locale}`);
    await expectAccessible(org, `landing (${locale})`);
    await org.locator("details summary").first().click();
    await expect(org.locator("#room-title")).toBeVisible();
    await expectAccessible(org, `landing with the create form open (${locale})`);
    // The language names are each in their own language, and marked so.
    await expect(org.locator("#room-language option[value=ja]")).toHaveAttribute("lang", "ja");
    await expect(org.locator("#room-language option[value=en]")).toHaveAttribute("lang", "en");
    await org.locator("#room-title").fill(locale === "ja" ? "アクセシビリティ確認" : "Accessibility check");
    await org.locator("#room-title").press("Enter");
    await expect(org.getByTestId("room-created")).toBeVisible();
    // The form is gone: focus is on the news, not lost to the page.
    await expect(org.locator("#created-title")).toBeFocused();
    await expectAccessible(org, `room created (${locale})`);
    const text = async (id: string) => (await org.getByTestId(id).textContent())!.trim();
    const room = {
      code: (await text("created-code")).replace(/\s/g, ""),
      organizerUrl: await text("organizer-url"),
      joinUrl: await text("join-url"),
      boardUrl: await text("board-url"),
    };
    expect(room.joinUrl).toContain(`/${locale}/r/`);

    // The board before anyone joins, as projected.
    const projector = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await projector.newPage();
    await board.goto(room.boardUrl);
    await expect(board.getByTestId("connection")).toHaveAttribute("data-status", "live");
    await expectAccessible(board, `board, empty (${locale})`, { extraRules: ["color-contrast-enhanced"] });

    // The join form on a phone: empty, refused, then joined (the attendee's checklist).
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const attendee = await phone.newPage();
    await attendee.goto(room.joinUrl);
    await expectAccessible(attendee, `join form (${locale})`);
    await attendee.locator("#nickname").fill(T[locale].nickname);
    await attendee.locator("#paste").fill("export AWS_ACCESS_KEY_ID=nonsense");
    await attendee.locator("form button[type=submit]").click();
    await expect(attendee.getByTestId("failure")).toBeVisible();
    await expect(attendee.getByTestId("failure")).toBeFocused();
    await expectAccessible(attendee, `join form with an error (${locale})`);
    await attendee.locator("#paste").fill(envPaste(await freshKeys()));
    await attendee.locator("form button[type=submit]").click();
    await expect(attendee.getByTestId("room-nickname")).toBeVisible();
    await expect(attendee.getByTestId("step-password-policy")).toHaveAttribute("data-state", "todo");
    await expectAccessible(attendee, `attendee's checklist in a room, on a phone (${locale})`);

    // The same checklist at 200 % zoom on a 1280×800 laptop (640×400 CSS px): no sideways
    // scrolling, and the toolbar no longer sticks to the top (it would cover a third of it).
    const laptop = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await laptop.addCookies(await phone.cookies());
    const zoomedIn = await laptop.newPage();
    await zoomedIn.goto(room.joinUrl);
    await expect(zoomedIn.getByTestId("step-root-access-keys")).toHaveAttribute("data-state", "done");
    await expectNoSidewaysScroll(zoomedIn, `checklist at 200 % (${locale})`);
    expect(await zoomedIn.getByTestId("toolbar").evaluate((el) => getComputedStyle(el).position)).toBe("static");
    await expectAccessible(zoomedIn, `checklist at 200 % zoom on a laptop (${locale})`);
    await zoomedIn.screenshot({ path: `${SHOTS}/laptop-200-${locale}.png` });
    await laptop.close();

    // A phone with its text at 200 % (the phone's own text-size setting): still one column.
    await attendee.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await attendee.screenshot({ path: `${SHOTS}/phone-200-${locale}.png` });
    await attendee.getByTestId("step-password-policy").scrollIntoViewIfNeeded();
    await attendee.screenshot({ path: `${SHOTS}/phone-200-step3-${locale}.png` });
    await expectNoSidewaysScroll(attendee, `phone with 200 % text (${locale})`);
    await attendee.evaluate(() => (document.documentElement.style.fontSize = ""));

    // The organizer page: one attendee, an announcement, the room locked.
    await org.goto(room.organizerUrl);
    await expect(org.getByTestId("attendee-row")).toHaveCount(1);
    await expectAccessible(org, `organizer page with an attendee (${locale})`);
    await org.locator("#announcement").fill(T[locale].announce);
    await org.locator("#announcement").press("Tab");
    await org.locator("form").filter({ has: org.locator("#announcement") }).locator("button[type=submit]").click();
    await expect(org.getByTestId("current-announcement")).toContainText(T[locale].announce);
    await expect(org.getByTestId("announcement-notice")).not.toBeEmpty();
    await org.getByTestId("lock-toggle").click();
    await expect(org.getByTestId("locked-note")).toBeVisible();
    await expectAccessible(org, `organizer page, announcement made, room locked (${locale})`);

    // The announcement reaches the attendee through a polite live region that was already there.
    const live = attendee.getByTestId("announcement-live");
    await expect(live).toHaveAttribute("role", "status");
    await expect(live).toContainText(T[locale].announce);
    await expectAccessible(attendee, `attendee's checklist with the announcement (${locale})`);

    // A newcomer meets the locked room.
    const late = await newPage(browser, locale);
    await late.goto(room.joinUrl);
    await expect(late.getByTestId("join-refused")).toBeVisible();
    await expectAccessible(late, `join refused, room locked (${locale})`);

    // The board full: 100 attendees, 7 stuck and 12 finished, seeded in the database.
    seedAttendees(room.code, {
      count: 99,
      stuck: 7,
      finished: 12,
      name: (i) => (locale === "ja" ? `参加者${String(i + 1).padStart(3, "0")}` : `attendee-${String(i + 1).padStart(3, "0")}`),
    });
    await board.reload();
    await expect(board.getByTestId("joined-count")).toHaveText(locale === "ja" ? "100 人" : "100");
    await expect(board.getByTestId("stuck-count")).toHaveText(locale === "ja" ? "7 人" : "7");
    await expect(board.getByTestId("attendee-tile").first()).toHaveAttribute("data-stuck", "true");
    await expect(board.getByTestId("board-paging")).toBeVisible();
    await expectAccessible(board, `board, 100 attendees, some stuck (${locale})`, { extraRules: ["color-contrast-enhanced"] });
    // The board speaks only of its connection: no tile, bar or count is a live region.
    const live_regions = await board.evaluate(() =>
      [...document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log], [role=marquee]')].map(
        (el) => (el as HTMLElement).dataset.testid ?? el.tagName,
      ),
    );
    expect(live_regions).toEqual(["connection"]);
    // Paging can be paused (WCAG 2.2.2) and the pause is a toggle a screen reader can read.
    await board.getByTestId("board-paging").click();
    await expect(board.getByTestId("board-paging")).toHaveAttribute("aria-pressed", "true");
    await board.screenshot({ path: `${SHOTS}/board-1920x1080-${locale}.png` });

    // The board with motion reduced: the bars jump to their length instead of growing.
    await board.emulateMedia({ reducedMotion: "reduce" });
    const duration = await board.getByTestId("bar-root-access-keys").locator("[role=progressbar] > div").evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(parseFloat(duration)).toBeLessThan(0.01);

    // The organizer page and the board at 200 % zoom on a 1280×800 laptop.
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const z = await zoomed.newPage();
    await z.goto(room.boardUrl);
    await expect(z.getByTestId("attendee-tile").first()).toBeVisible();
    await expectNoSidewaysScroll(z, `board at 200 % (${locale})`);
    await z.goto(`/${locale}`);
    await expectNoSidewaysScroll(z, `landing at 200 % (${locale})`);
    await expectAccessible(z, `landing at 200 % zoom (${locale})`);

    // Error pages: an unknown room, an unknown address, the wait page, a wrong organizer key.
    const stranger = await newPage(browser, locale);
    await stranger.goto(`/${locale}/r/ZZZZZZ`);
    await expect(stranger.getByTestId("room-not-found")).toBeVisible();
    await expectAccessible(stranger, `room not found (${locale})`);
    await stranger.goto(`/${locale}/no-such-page`);
    await expect(stranger.getByTestId("not-found")).toBeVisible();
    await expect(stranger.locator("html")).toHaveAttribute("lang", locale);
    await expectAccessible(stranger, `page not found (${locale})`);
    await stranger.goto(`/${locale}/wait?seconds=30`);
    await expect(stranger.getByTestId("wait-page")).toBeVisible();
    await expectAccessible(stranger, `wait page (${locale})`);
    await stranger.goto(room.organizerUrl.replace(/key=(.)/, (_m, c) => `key=${c === "A" ? "B" : "A"}`));
    await expect(stranger.getByTestId("failure")).toBeVisible();
    await expectAccessible(stranger, `organizer key refused (${locale})`);

    for (const c of [projector, phone, zoomed, org.context(), late.context(), stranger.context()]) await c.close();
  });
}
