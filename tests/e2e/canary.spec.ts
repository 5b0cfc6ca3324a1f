import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { envPaste, freshKeys } from "./support/attendee";
import { containsAny, filesUnder, recordTraffic } from "./support/evidence";
import { barDone, createRoomInUi } from "./support/rooms";
import { phoneCodes, readMfaQr } from "./support/workshop";

/**
 * The canary run: credentials holding a unique secret key and session token go through
 * every step of the workshop in a room, with the room's board and organizer page open;
 * then neither string may appear in the server's output, in DATA_DIR, in any response
 * or live-stream message any browser received. moto does not verify signatures, so the
 * canary secret and token work against it as real ones would. Step 9's three GuardDuty
 * sample-finding calls go to the mock in front of moto (tests/e2e/support/guardduty-samples-mock.ts).
 */

const alnum = (n: number) => randomBytes(n * 2).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, n);

test("credentials never leave server memory", async ({ browser }) => {
  test.setTimeout(180_000);
  const real = await freshKeys();
  const canarySecret = `Canary${alnum(34)}`;
  const canaryToken = `CanaryToken${alnum(80)}`;
  const secrets = [canarySecret, canaryToken];
  const paste = envPaste({ ...real, secretAccessKey: canarySecret, sessionToken: canaryToken });

  // The organizer makes a room and keeps its organizer page open; a projector shows the board.
  const organizer = await watchedContext(browser, { width: 1280, height: 900 });
  const room = await createRoomInUi(organizer.page, "Canary");
  await organizer.page.goto(room.organizerUrl);
  const projector = await watchedContext(browser, { width: 1920, height: 1080 });
  await projector.page.goto(room.boardUrl);
  await expect(projector.page.getByTestId("connection")).toHaveAttribute("data-status", "live");

  const attendee = await watchedContext(browser, { width: 1280, height: 900 });
  await attendee.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = attendee.page;
  // Joining takes credentials. A failed paste first: its error message must not carry the secret either.
  await page.goto(room.joinUrl);
  await page.getByLabel("ニックネーム").fill("canary");
  await page.locator("#paste").fill(paste.replace(/export AWS_SESSION_TOKEN=.*\n/, ""));
  await page.getByRole("button", { name: "参加する" }).click();
  await expect(page.getByTestId("failure")).toContainText("セッショントークン");
  // Nothing typed is lost on a failure.
  await expect(page.locator("#paste")).toHaveValue(/Canary/);
  await expect(page.getByLabel("ニックネーム")).toHaveValue("canary");

  await page.locator("#paste").fill(paste);
  await page.getByRole("button", { name: "参加する" }).click();
  await expect(page.getByTestId("room-nickname")).toContainText("canary");
  await expect(page.getByTestId("identity")).toBeVisible();

  await walkTheWorkshop(page);
  await expect(page).toHaveURL(new RegExp(`/ja/r/${room.code}/teardown$`));
  for (const id of ["user-mfa", "sample-findings", "teardown"]) {
    await expect(barDone(projector.page, id)).toHaveAttribute("data-done", "1");
  }
  await page.getByRole("link", { name: "ハンズオンに戻る" }).click();
  await expect(page.getByTestId("step-teardown")).toHaveAttribute("data-state", "done");
  await expect(organizer.page.getByTestId("attendee-row").filter({ hasText: "canary" })).toBeVisible();

  // Region change, reload (server-rendered HTML of a signed-in page), the solo page, then sign out.
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
  const other = await watchedContext(browser, { width: 390, height: 844 });
  await other.page.goto("/ja/solo");
  await expect(other.page.locator("#paste")).toBeVisible();

  const watched = [attendee, organizer, projector, other];
  const streamedBy = await Promise.all(watched.map((w) => streamMessages(w.page)));
  const streamed = streamedBy.flat();
  for (const w of watched) await w.context.close();
  for (const w of watched) await w.traffic.settle();

  // The detectors work: the paste did go to the server, and the pages did hear the room live.
  expect(attendee.traffic.requests.some((r) => containsAny(r.body, secrets))).toBe(true);
  expect(streamed.some((m) => m.includes("canary"))).toBe(true);

  const responses = watched.flatMap((w) => w.traffic.responses);
  expect(responses.length).toBeGreaterThan(30);
  const leakedResponses = responses.filter((r) => containsAny(r.body, secrets) || containsAny(r.headers, secrets)).map((r) => r.url);
  expect(leakedResponses).toEqual([]);
  expect(streamed.filter((m) => containsAny(m, secrets))).toEqual([]);
  // The board and the organizer hear progress, never whose AWS account it is.
  const [, organizerHeard, boardHeard] = streamedBy;
  expect(boardHeard.length).toBeGreaterThan(0);
  expect([...organizerHeard, ...boardHeard].filter((m) => m.includes(real.accountId))).toEqual([]);

  const artifacts = process.env.E2E_ARTIFACTS!;
  const log = readFileSync(join(artifacts, "server.log"));
  expect(log.length).toBeGreaterThan(0);
  expect(containsAny(log, secrets)).toBeUndefined();

  const leakedFiles = filesUnder(join(artifacts, "data"))
    .filter((f) => containsAny(f.bytes, secrets))
    .map((f) => f.path);
  expect(leakedFiles).toEqual([]);
});

type Watched = { context: BrowserContext; page: Page; traffic: ReturnType<typeof recordTraffic> };

/** A browser of its own whose responses and event-stream messages are all recorded. */
async function watchedContext(
  browser: import("@playwright/test").Browser,
  viewport: { width: number; height: number },
): Promise<Watched> {
  const context = await browser.newContext({ viewport });
  // Event-stream bodies never end, so the response recorder cannot read them: the page's
  // own fetch is wrapped to keep a copy of every event-stream message it receives.
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __streamed: seen });
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const res = await original(...args);
      if (!res.body || !(res.headers.get("content-type") ?? "").includes("text/event-stream")) return res;
      const [mine, theirs] = res.body.tee();
      void (async () => {
        const reader = mine.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          const messages = buffer.split("\n\n");
          buffer = messages.pop() ?? "";
          seen.push(...messages.filter((m) => m.trim() !== ""));
        }
      })();
      return new Response(theirs, { status: res.status, statusText: res.statusText, headers: res.headers });
    };
  });
  const page = await context.newPage();
  return { context, page, traffic: recordTraffic(page) };
}

async function streamMessages(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __streamed?: string[] }).__streamed ?? []);
}

/** Every step the UI offers, with the canary credentials, in Japanese. */
async function walkTheWorkshop(page: Page) {
  const step = (id: string) => page.getByTestId(`step-${id}`);
  await page.getByTestId("check-all").click();
  await expect(step("root-access-keys")).toHaveAttribute("data-state", "done");

  await step("password-policy").getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(step("password-policy")).toHaveAttribute("data-state", "done");
  await step("admin-group").getByRole("button", { name: "admin グループを作成する" }).click();
  await expect(step("admin-group")).toHaveAttribute("data-state", "done");

  const user = step("iam-user");
  await user.getByLabel("ユーザー名").fill("canary-user");
  await user.getByRole("button", { name: "強いパスワードを生成する" }).click();
  await user.getByRole("button", { name: "ユーザーを作成する" }).click();
  await expect(user).toHaveAttribute("data-state", "done");

  const mfa = step("user-mfa");
  await mfa.getByRole("button", { name: "canary-user の MFA 設定を始める" }).click();
  const qr = mfa.getByTestId("mfa-qr");
  await expect(qr).toHaveAttribute("data-drawn", "true");
  const secret = new URL(await readMfaQr(qr)).searchParams.get("secret")!;
  const [code1, code2] = await phoneCodes(secret);
  await mfa.getByLabel("MFA コード 1").fill(code1);
  await mfa.getByLabel("MFA コード 2").fill(code2);
  await mfa.getByRole("button", { name: "MFA を追加する" }).click();
  await expect(mfa).toHaveAttribute("data-state", "done");

  await step("cloudtrail").getByRole("button", { name: "バケットと証跡を作成して記録を開始する" }).click();
  await expect(step("cloudtrail")).toHaveAttribute("data-state", "done");
  await step("guardduty").getByRole("button", { name: "GuardDuty を有効にする" }).click();
  await expect(step("guardduty")).toHaveAttribute("data-state", "done");
  await step("sample-findings").getByRole("button", { name: "結果サンプルを生成する" }).click();
  await expect(step("sample-findings")).toHaveAttribute("data-state", "done");
  await expect(step("sample-findings").getByTestId("finding").first()).toBeVisible();

  await step("teardown").getByTestId("open-teardown").click();
  await expect(page.getByTestId("teardown-row")).toHaveCount(3);
  await page.getByTestId("confirm-teardown").click();
  await expect(page.getByTestId("teardown-result")).toHaveAttribute("data-done", "true");
}
