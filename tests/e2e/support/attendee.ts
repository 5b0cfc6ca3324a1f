import { expect, type Page } from "@playwright/test";
import { envPaste, newAttendee, type AttendeeKeys } from "../../support/moto";

export { envPaste };

export const motoEndpoint = () => `http://127.0.0.1:${process.env.E2E_MOTO_PORT}`;

/** Short-lived credentials in a moto account of their own. */
export function freshKeys(): Promise<AttendeeKeys> {
  return newAttendee(motoEndpoint());
}

/** Pastes credentials into the form on the current page and waits for the banner. */
export async function signIn(page: Page, keys: AttendeeKeys): Promise<void> {
  await page.locator("#paste").fill(envPaste(keys));
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("identity")).toBeVisible();
}
