import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { freshKeys } from "./support/attendee";
import { barDone, createRoomInUi, joinAs, phone, readQr } from "./support/rooms";

test("a room from creation to close: QR join, live board, organizer controls", async ({ browser }) => {
  // Organizer: creates the room and projects the board.
  const organizer = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const org = await organizer.newPage();
  const room = await createRoomInUi(org, "JAWS-UG 初心者支部 ハンズオン");
  expect(room.organizerUrl).toContain("/organize#key=");

  const projector = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const board = await projector.newPage();
  await board.goto(room.boardUrl);
  await expect(board.getByTestId("connection")).toHaveAttribute("data-status", "live");
  const scanned = await readQr(board.getByRole("img", { name: "参加はこちら" }));
  expect(scanned).toBe(room.joinUrl);

  // Two attendees join from the QR on their phones, each with their credentials; the second
  // name is taken at first, and nothing typed is lost.
  const keysA = await freshKeys();
  const keysB = await freshKeys();
  const a = await phone(browser);
  const b = await phone(browser);
  await joinAs(a.page, scanned, "たろう", keysA);
  await expect(a.page.getByTestId("room-nickname")).toHaveText("たろう として参加中");
  await expect(a.page.getByTestId("identity")).toBeVisible();
  await joinAs(b.page, scanned, " たろう ", keysB);
  await expect(b.page.getByRole("alert").filter({ hasText: /./ })).toContainText("そのニックネームはすでに使われています");
  await expect(b.page.getByLabel("ニックネーム")).toHaveValue(" たろう ");
  await expect(b.page.locator("#paste")).toHaveValue(/AWS_SESSION_TOKEN/);
  await b.page.getByLabel("ニックネーム").fill("<b>はなこ</b>");
  await b.page.getByRole("button", { name: "参加する" }).click();
  await expect(b.page.getByTestId("room-nickname")).toHaveText("<b>はなこ</b> として参加中");

  // The board heard both joins without a reload; the nickname is text, not markup.
  await expect(board.getByTestId("joined-count")).toHaveText("2 人");
  await expect(board.getByTestId("attendee-tile").filter({ hasText: "<b>はなこ</b>" })).toBeVisible();
  await expect(board.locator("b")).toHaveCount(0);

  // They complete steps against moto; the board's bars and ticks follow.
  await a.page.getByTestId("step-password-policy").getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(a.page.getByTestId("step-password-policy")).toHaveAttribute("data-state", "done");
  await expect(barDone(board, "password-policy")).toHaveAttribute("data-done", "1");
  const taro = board.getByTestId("attendee-tile").filter({ hasText: "たろう" });
  await expect(taro.locator('[data-step="password-policy"]')).toHaveAttribute("data-done", "true");
  // moto reports no root access keys, so steps 1 and 3 are done: the page and the room bar
  // count the same steps the same way (lib/workshop/progress.ts).
  await expect(a.page.getByTestId("progress-count")).toHaveText("完了 2 / 10");
  await expect(a.page.getByTestId("recorded-count")).toHaveText("ボードに記録済み 2 / 10");

  await b.page.getByTestId("step-password-policy").getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(barDone(board, "password-policy")).toHaveAttribute("data-done", "2");
  // moto reports no root access keys, so "check all" verified step 1 for both, too.
  await expect(barDone(board, "root-access-keys")).toHaveAttribute("data-done", "2");
  // Nothing on the board identifies an AWS account.
  const html = await board.content();
  for (const k of [keysA, keysB]) {
    expect(html.includes(k.accountId), "account id on the board").toBe(false);
    expect(html.includes(k.accessKeyId), "access key on the board").toBe(false);
  }
  expect(/arn:aws/.test(html), "an ARN on the board").toBe(false);

  // The organizer page: both attendees with their current step.
  await org.goto(room.organizerUrl);
  await expect(org).not.toHaveURL(/#key=/);
  const rows = org.getByTestId("attendee-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "たろう" })).toContainText("手順 4");

  // An announcement reaches every attendee's page at once.
  await org.getByRole("button", { name: "「後片付け」の文面を入れる" }).click();
  await org.getByRole("button", { name: "お知らせを出す" }).click();
  for (const p of [a.page, b.page]) await expect(p.getByTestId("announcement")).toContainText("後片付けの時間です");

  // Locking: a newcomer is told so.
  await org.getByTestId("lock-toggle").click();
  await expect(org.getByText("新しい参加を締め切っています")).toBeVisible();
  const late = await phone(browser);
  await late.page.goto(room.joinUrl);
  await expect(late.page.getByTestId("join-refused")).toContainText("締め切りました");

  // Removing a nickname: the attendee is told, and the board drops them.
  org.once("dialog", (d) => void d.accept());
  await rows.filter({ hasText: "<b>はなこ</b>" }).getByRole("button", { name: /外す/ }).click();
  await expect(b.page.getByTestId("room-removed")).toBeVisible();
  await expect(board.getByTestId("joined-count")).toHaveText("1 人");

  // CSV export, then closing, which deletes the attendee records.
  const download = org.waitForEvent("download");
  await org.getByTestId("export-csv").click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("ニックネーム,参加日時,手順 1,手順 2,手順 3");
  expect(csv).toMatch(/たろう,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{4}-/);
  await org.getByRole("button", { name: "ルームを閉じる" }).click();
  await expect(org.getByTestId("close-not-exported")).toHaveCount(0);
  await org.getByTestId("close-confirm").click();
  await expect(org.getByTestId("organizer-closed")).toContainText("参加 1 人");
  await expect(a.page.getByTestId("room-closed")).toBeVisible();
  await expect(board.getByTestId("board-closed")).toBeVisible();
});

test("clear messages: a wrong code, an invalid organizer key, a full room", async ({ browser, page }) => {
  await page.goto("/ja");
  await page.getByLabel("参加コード").fill("abc 10O");
  await page.getByRole("button", { name: "参加する" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("その参加コードのルームは見つかりませんでした");
  await page.goto("/ja/r/ZZZZZZ");
  await expect(page.getByTestId("room-not-found")).toBeVisible();

  const org = await browser.newPage();
  const room = await createRoomInUi(org, "小さな部屋");
  // Another browser, a tampered key.
  const stranger = await browser.newPage();
  await stranger.goto(room.organizerUrl.replace(/key=(.)/, (_m, c) => `key=${c === "A" ? "B" : "A"}`));
  await expect(stranger.getByRole("alert").filter({ hasText: /./ })).toContainText("主催者の鍵が正しくありません");
  const res = await stranger.request.get(`/api/rooms/${room.code}/export`);
  expect(res.status()).toBe(403);

  // A lower-case code in the URL finds the room.
  await page.goto(`/ja/r/${room.code.toLowerCase()}`);
  await expect(page).toHaveURL(new RegExp(`/ja/r/${room.code}$`));
  await expect(page.getByLabel("ニックネーム")).toBeVisible();

  // A room for one: the second attendee is told it is full.
  const tiny = await createRoomInUi(org, "ひとり部屋", { maxAttendees: 1 });
  const first = await phone(browser);
  await joinAs(first.page, tiny.joinUrl, "ひとりめ", await freshKeys());
  await expect(first.page.getByTestId("room-nickname")).toBeVisible();
  const second = await phone(browser);
  await second.page.goto(tiny.joinUrl);
  await expect(second.page.getByTestId("join-refused")).toContainText("満員");
});
