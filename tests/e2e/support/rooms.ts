import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { AttendeeKeys } from "../../support/moto";
import { envPaste } from "./attendee";

export type CreatedRoom = { code: string; organizerUrl: string; joinUrl: string; boardUrl: string };

/** Creates a room from the landing page, as an organizer would, and reads the URLs shown once. */
export async function createRoomInUi(
  page: Page,
  title: string,
  opts: { base?: string; maxAttendees?: number; workshop?: string; language?: "ja" | "en" } = {},
): Promise<CreatedRoom> {
  await page.goto(`${opts.base ?? ""}/ja`);
  await page.getByText("ルームを作成する（主催者の方）").click();
  await page.getByLabel("ルーム名").fill(title);
  // The workshop by its title (the first one is chosen unless told), the room's language.
  if (opts.workshop) await page.getByRole("radio", { name: new RegExp(opts.workshop) }).check();
  if (opts.language) await page.getByLabel("主な言語").selectOption(opts.language);
  if (opts.maxAttendees) await page.getByLabel("参加人数の上限").fill(String(opts.maxAttendees));
  await page.getByRole("button", { name: "ルームを作成する" }).click();
  await expect(page.getByTestId("room-created")).toBeVisible();
  const text = async (id: string) => (await page.getByTestId(id).textContent())!.trim();
  const code = (await text("created-code")).replace(/\s/g, "");
  return { code, organizerUrl: await text("organizer-url"), joinUrl: await text("join-url"), boardUrl: await text("board-url") };
}

/** Reads a QR code off the screen, as a phone camera would. */
export async function readQr(qr: Locator): Promise<string> {
  await expect(qr).toBeVisible();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error("no QR code could be read");
  return decoded.data;
}

/**
 * Opens a room's join page and joins with a nickname and credentials (a seat needs
 * credentials AWS accepts), as an attendee who scanned the QR would. Does not wait: the
 * caller expects success or a refusal.
 */
export async function joinAs(page: Page, url: string, nickname: string, keys?: AttendeeKeys): Promise<void> {
  await page.goto(url);
  await page.getByLabel("ニックネーム").fill(nickname);
  if (keys) await page.locator("#paste").fill(envPaste(keys));
  await page.getByRole("button", { name: "参加する" }).click();
}

export async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

/** The board's count of attendees with `step` verified. */
export const barDone = (board: Page, step: string) => board.getByTestId(`bar-${step}`);
