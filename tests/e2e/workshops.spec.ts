import { GetEbsEncryptionByDefaultCommand, EC2Client } from "@aws-sdk/client-ec2";
import { BudgetsClient, DescribeBudgetsCommand } from "@aws-sdk/client-budgets";
import { GetPublicAccessBlockCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { AttendeeKeys } from "../support/moto";
import { envPaste, freshKeys, motoEndpoint } from "./support/attendee";
import { expectAccessible } from "./support/a11y";
import { barDone, createRoomInUi, phone } from "./support/rooms";

/**
 * Issue 9: both workshops in a room with the board, a Japanese attendee on a phone and an
 * English one on a desktop. The second workshop (Guardrails) calls AWS Budgets, S3 Control
 * and EC2 on moto; IAM Access Analyzer, which moto lacks, goes through the AWS stand-in's
 * named mock of its four analyzer calls (tests/support/strict-aws, rule
 * access-analyzer-analyzers).
 */

const T = {
  ja: {
    nickname: "ニックネーム",
    join: "参加する",
    budgetAmount: "1 か月の予算額（USD）",
    budgetEmail: "通知先のメールアドレス",
    createBudget: "予算を作成する",
    blockAll: "パブリックアクセスをすべてブロックする",
    ebs: "デフォルトの暗号化を有効にする",
    analyzer: "アナライザーを作成する",
    openTeardown: "後片付けを始める",
    finished: "後片付けが終わりました",
    recheck: "再確認",
  },
  en: {
    nickname: "Nickname",
    join: "Join",
    budgetAmount: "Budget per month (USD)",
    budgetEmail: "Email address for alerts",
    createBudget: "Create the budget",
    blockAll: "Block all public access",
    ebs: "Turn on encryption by default",
    analyzer: "Create the analyzer",
    openTeardown: "Start cleaning up",
    finished: "Clean-up finished",
    recheck: "Check again",
  },
} as const;

type Lang = keyof typeof T;

/** Screenshots for a person to look at (not compared). */
const SHOTS = ".artifacts/workshops";

function moto(keys: AttendeeKeys) {
  const config = { region: "ap-northeast-1", endpoint: motoEndpoint(), credentials: keys };
  // S3 Control would put the account id in front of moto's host (workshops/guardrails/clients.ts).
  const s3control = new S3ControlClient({ ...config, endpointProvider: () => ({ url: new URL(motoEndpoint()) }), disableHostPrefix: true });
  return { budgets: new BudgetsClient({ ...config, region: "us-east-1" }), s3control, ec2: new EC2Client(config) };
}

async function join(page: Page, url: string, lang: Lang, nickname: string, keys: AttendeeKeys) {
  await page.goto(url);
  await page.getByLabel(T[lang].nickname, { exact: true }).fill(nickname);
  await page.locator("#paste").fill(envPaste(keys));
  await page.getByRole("button", { name: T[lang].join, exact: true }).click();
  await expect(page.getByTestId("room-nickname")).toBeVisible();
}

async function guardrailsRoom(browser: Browser, lang: Lang) {
  const organizer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const org = await organizer.newPage();
  const room = await createRoomInUi(org, lang === "ja" ? "ガードレール ハンズオン" : "Guardrails hands-on", {
    workshop: "新しいアカウントのガードレール",
    language: lang,
  });
  const projector = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const board = await projector.newPage();
  await board.goto(room.boardUrl);
  await expect(board.getByTestId("connection")).toHaveAttribute("data-status", "live");
  await expect(board.getByTestId("room-workshop")).toHaveText(lang === "ja" ? "新しいアカウントのガードレール" : "Guardrails for a new account");
  return { room, org, board };
}

for (const [lang, device] of [
  ["ja", "phone"],
  ["en", "desktop"],
] as const) {
  test(`Guardrails in a room (${lang}, ${device}): budget, Block Public Access, EBS encryption, analyzer; the board follows; clean-up removes what Hajime made and keeps the two settings`, async ({ browser }) => {
    const { room, board } = await guardrailsRoom(browser, lang);
    const keys = await freshKeys();
    const page =
      device === "phone" ? (await phone(browser)).page : await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" })).newPage();
    await join(page, room.joinUrl, lang, lang === "ja" ? "ゆうき" : "Alex", keys);
    const t = T[lang];
    const card = (id: string) => page.getByTestId(`step-${id}`);
    // Only this workshop's steps, checked against the account. The first check of these
    // services in a fresh server loads their SDK clients; on a loaded 2-core runner one has
    // answered "AWS did not answer in time" (10 s): the card says so and the attendee presses
    // "re-check", as this does. (Seen once in a full local run; not reproduced alone.)
    for (const id of ["budget", "s3-block-public-access", "ebs-default-encryption", "access-analyzer"]) {
      await expect(card(id)).not.toHaveAttribute("data-state", "pending");
      if ((await card(id).getAttribute("data-state")) === "unknown") await card(id).getByRole("button", { name: t.recheck }).click();
      await expect(card(id)).toHaveAttribute("data-state", "todo");
    }
    await expect(card("cloudtrail")).toHaveCount(0);

    await expectAccessible(page, `Guardrails checklist, to do (${lang}, ${device})`);

    // Budget: the form refuses a bad email in the browser, then makes the budget.
    const budget = card("budget");
    await budget.getByLabel(t.budgetAmount).fill("20");
    await budget.getByLabel(t.budgetEmail).fill("not-an-email");
    await budget.getByRole("button", { name: t.createBudget }).click();
    await expect(budget).toHaveAttribute("data-state", "todo");
    await budget.getByLabel(t.budgetEmail).fill("me@example.com");
    await budget.getByRole("button", { name: t.createBudget }).click();
    await expect(budget).toHaveAttribute("data-state", "done");
    await expect(barDone(board, "budget")).toHaveAttribute("data-done", "1");

    await card("s3-block-public-access").getByRole("button", { name: t.blockAll }).click();
    await expect(card("s3-block-public-access")).toHaveAttribute("data-state", "done");
    await card("ebs-default-encryption").getByRole("button", { name: t.ebs }).click();
    await expect(card("ebs-default-encryption")).toHaveAttribute("data-state", "done");
    await card("access-analyzer").getByRole("button", { name: t.analyzer }).click();
    await expect(card("access-analyzer")).toHaveAttribute("data-state", "done");
    for (const id of ["s3-block-public-access", "ebs-default-encryption", "access-analyzer"]) {
      await expect(barDone(board, id)).toHaveAttribute("data-done", "1");
    }
    await page.screenshot({ path: `${SHOTS}/guardrails-${lang}-${device}.png`, fullPage: true });
    await expectAccessible(page, `Guardrails checklist, all done (${lang}, ${device})`);
    await board.screenshot({ path: `${SHOTS}/guardrails-board-${lang}.png` });

    // In the account (moto): the budget with its alerts, all four BPA flags, EBS encryption in Tokyo.
    const aws = moto(keys);
    const budgets = (await aws.budgets.send(new DescribeBudgetsCommand({ AccountId: keys.accountId }))).Budgets ?? [];
    expect(budgets.map((b) => [b.BudgetName, b.BudgetLimit?.Amount])).toEqual([["hajime-monthly-cost", expect.stringMatching(/^20(\.0+)?$/)]]);
    const bpa = (await aws.s3control.send(new GetPublicAccessBlockCommand({ AccountId: keys.accountId }))).PublicAccessBlockConfiguration;
    expect(bpa).toMatchObject({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    expect((await aws.ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);

    // Clean-up: the budget and the analyzer go; the two free settings stay, with the reason.
    const teardownCard = card("guardrails-teardown");
    await teardownCard.getByTestId("open-teardown").click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/r/${room.code}/teardown`));
    const removeList = page.getByTestId("teardown-remove");
    await expect(removeList).toContainText("hajime-monthly-cost");
    await expect(removeList).toContainText("hajime-account-analyzer");
    const keepList = page.getByTestId("teardown-keep");
    const kept = (name: string) => keepList.locator(`[data-testid=kept-row][data-name="${name}"]`);
    await expect(kept("account")).toContainText(lang === "ja" ? "無料" : "free");
    await expect(kept("default-encryption")).toBeVisible();
    await expect(page.getByTestId("teardown-row")).toHaveCount(2);
    await page.screenshot({ path: `${SHOTS}/guardrails-teardown-${lang}-${device}.png`, fullPage: true });
    await expectAccessible(page, `Guardrails clean-up review (${lang}, ${device})`);
    await page.getByTestId("confirm-teardown").click();
    await expect(page.getByTestId("teardown-result")).toHaveAttribute("data-done", "true");
    await expect(page.getByTestId("teardown-result")).toContainText(t.finished);
    await expect(barDone(board, "guardrails-teardown")).toHaveAttribute("data-done", "1");

    expect((await aws.budgets.send(new DescribeBudgetsCommand({ AccountId: keys.accountId }))).Budgets ?? []).toEqual([]);
    expect((await aws.s3control.send(new GetPublicAccessBlockCommand({ AccountId: keys.accountId }))).PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(true);
    expect((await aws.ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    // On the board the attendee's tile has every step of this workshop ticked.
    const tile = board.getByTestId("attendee-tile").first();
    for (const id of ["budget", "s3-block-public-access", "ebs-default-encryption", "access-analyzer", "guardrails-teardown"]) {
      await expect(tile.locator(`[data-step="${id}"]`)).toHaveAttribute("data-done", "true");
    }
  });
}

test("the first workshop in an English room on a desktop: steps 3, 4, 7, 8 and clean-up; the board names the workshop and follows", async ({ browser }) => {
  const organizer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const room = await createRoomInUi(await organizer.newPage(), "Security basics", { language: "en" });
  const board = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await board.goto(room.boardUrl);
  await expect(board.getByTestId("room-workshop")).toHaveText("Start using an AWS account safely");

  const keys = await freshKeys();
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" })).newPage();
  await join(page, room.joinUrl, "en", "Sam", keys);
  const card = (id: string) => page.getByTestId(`step-${id}`);
  await expect(card("budget")).toHaveCount(0);
  await card("password-policy").getByRole("button", { name: "Set the recommended policy" }).click();
  await expect(card("password-policy")).toHaveAttribute("data-state", "done");
  await card("admin-group").getByRole("button", { name: "Create the admin group" }).click();
  await expect(card("admin-group")).toHaveAttribute("data-state", "done");
  await card("cloudtrail").getByRole("button", { name: "Create the bucket and trail and start logging" }).click();
  await expect(card("cloudtrail")).toHaveAttribute("data-state", "done");
  await card("guardduty").getByRole("button", { name: "Turn on GuardDuty" }).click();
  await expect(card("guardduty")).toHaveAttribute("data-state", "done");
  for (const id of ["password-policy", "admin-group", "cloudtrail", "guardduty"]) {
    await expect(barDone(board, id)).toHaveAttribute("data-done", "1");
  }

  await card("teardown").getByTestId("open-teardown").click();
  await expect(page).toHaveURL(new RegExp(`/en/r/${room.code}/teardown`));
  await expect(page.getByTestId("teardown-remove").getByTestId("teardown-row")).toHaveCount(3);
  await page.getByTestId("confirm-teardown").click();
  await expect(page.getByTestId("teardown-result")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("teardown-result")).toContainText("Clean-up finished");
  await expect(barDone(board, "teardown")).toHaveAttribute("data-done", "1");
});

test("practising a workshop alone: chosen on the start page, kept across a language switch, its clean-up page follows", async ({ page }) => {
  await page.goto("/ja");
  await page.getByRole("link", { name: /新しいアカウントのガードレール/ }).click();
  await expect(page).toHaveURL(/\/ja\/solo\?workshop=guardrails$/);
  await expect(page.getByTestId("workshop-title")).toHaveText("新しいアカウントのガードレール");
  // Signed out, the page outlines this workshop's steps beside the paste form.
  await expect(page.getByRole("main")).toContainText("予算アラートを設定する");
  await expect(page.getByRole("main")).not.toContainText("CloudTrail");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/solo\?workshop=guardrails$/);
  await expect(page.getByTestId("workshop-title")).toHaveText("Guardrails for a new account");
  await page.goto("/en/teardown?workshop=guardrails");
  await expect(page.getByRole("main")).toContainText("Remove the budget and the analyzer Hajime made");
  await expect(page.getByTestId("manual-teardown")).toContainText("Clean up in the console");
});
