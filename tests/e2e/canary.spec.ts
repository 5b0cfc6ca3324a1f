import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freshKeys } from "./support/attendee";
import { containsAny, filesUnder, recordTraffic } from "./support/evidence";

/**
 * The canary run: credentials holding a unique secret key and session token go through
 * every step; then neither string may appear in the server's output, in DATA_DIR, or in any
 * response the browser received. moto does not verify signatures, so the canary secret and
 * token work against it as the real ones would.
 */

const alnum = (n: number) => randomBytes(n * 2).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, n);

test("credentials never leave server memory", async ({ page, browser }) => {
  const real = await freshKeys();
  const canarySecret = `Canary${alnum(34)}`;
  const canaryToken = `CanaryToken${alnum(80)}`;
  const secrets = [canarySecret, canaryToken];
  const paste = [
    `export AWS_ACCESS_KEY_ID=${real.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${canarySecret}`,
    `export AWS_SESSION_TOKEN=${canaryToken}`,
    `export AWS_CREDENTIAL_EXPIRATION=${real.expiration.toISOString()}`,
  ].join("\n");

  const traffic = recordTraffic(page);

  // A failed paste first: its error message must not carry the secret either.
  await page.goto("/ja/solo");
  await page.locator("#paste").fill(paste.replace(/export AWS_SESSION_TOKEN=.*\n/, ""));
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("failure")).toContainText("セッショントークン");
  // Nothing typed is lost on a failure.
  await expect(page.locator("#paste")).toHaveValue(/Canary/);

  await page.locator("#paste").fill(paste);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("identity")).toBeVisible();

  await walkTheWorkshop(page);

  // Region change, reload (server-rendered HTML of a signed-in page), then sign out.
  await page.locator("#session-region").selectOption("us-east-1");
  await expect(page.getByTestId("step-password-policy")).toHaveAttribute("data-state", "done");
  await page.reload();
  await expect(page.getByTestId("identity")).toBeVisible();
  await page.goto("/en/solo");
  await expect(page.getByTestId("identity")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator("#paste")).toBeVisible();
  // Forgotten at once: a reload shows the paste box again.
  await page.reload();
  await expect(page.locator("#paste")).toBeVisible();

  // Another browser (another attendee) sees nothing of it.
  const other = await browser.newPage();
  const otherTraffic = recordTraffic(other);
  await other.goto("/ja/solo");
  await expect(other.locator("#paste")).toBeVisible();

  await traffic.settle();
  await otherTraffic.settle();

  // The detector works: the paste itself did go to the server in a request body.
  expect(traffic.requests.some((r) => containsAny(r.body, secrets))).toBe(true);

  const leakedResponses = [...traffic.responses, ...otherTraffic.responses]
    .filter((r) => containsAny(r.body, secrets) || containsAny(r.headers, secrets))
    .map((r) => r.url);
  expect(leakedResponses).toEqual([]);
  expect(traffic.responses.length).toBeGreaterThan(10);

  const artifacts = process.env.E2E_ARTIFACTS!;
  const log = readFileSync(join(artifacts, "server.log"));
  expect(log.length).toBeGreaterThan(0);
  expect(containsAny(log, secrets)).toBeUndefined();

  const leakedFiles = filesUnder(join(artifacts, "data"))
    .filter((f) => containsAny(f.bytes, secrets))
    .map((f) => f.path);
  expect(leakedFiles).toEqual([]);
});

/** Every step the UI offers, with the canary credentials. */
async function walkTheWorkshop(page: import("@playwright/test").Page) {
  await page.getByTestId("check-all").click();
  const policy = page.getByTestId("step-password-policy");
  await expect(policy).toHaveAttribute("data-state", "todo");
  await policy.getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(policy).toHaveAttribute("data-state", "done");
}
