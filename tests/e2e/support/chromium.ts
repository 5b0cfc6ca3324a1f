import type { LaunchOptions } from "@playwright/test";

/** Debian's Chromium (Playwright's own download does not work on these machines). */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env.HAJIME_CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
