import { join } from "node:path";
import { expect, test, type BrowserContext } from "@playwright/test";
import { STRICT_AWS_ENDPOINT } from "../../playwright.config";
import { startCluster, type Cluster } from "../support/cluster";
import { envPaste, freshKeys } from "./support/attendee";
import { barDone, createRoomInUi, joinAs } from "./support/rooms";

/**
 * A big event: two instances on one PostgreSQL behind the shipped HAProxy configuration.
 * The attendee is on one instance, the organizer and the board on the other; progress and
 * announcements cross both ways through PostgreSQL (LISTEN/NOTIFY), and when the attendee's
 * instance dies they paste their credentials again on the other and carry on.
 */

let cluster: Cluster;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startCluster({
    awsEndpoint: STRICT_AWS_ENDPOINT,
    artifacts: join(process.env.E2E_ARTIFACTS ?? ".artifacts/e2e", `cluster-${process.pid}`),
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

/** Pins a browser context to one instance, as HAProxy's cookie would after a first visit. */
async function pinTo(context: BrowserContext, node: string) {
  await context.addCookies([{ name: "hajime_node", value: node, url: cluster.url }]);
}

test("attendee on one instance, organizer and board on the other; the attendee's instance dies and they carry on", async ({ browser }) => {
  test.setTimeout(240_000);
  const [nodeA, nodeB] = cluster.instances;

  // Organizer and projector on B.
  const organizer = await browser.newContext();
  await pinTo(organizer, nodeB.name);
  const org = await organizer.newPage();
  const room = await createRoomInUi(org, "二台構成", { base: cluster.url });
  expect(room.joinUrl.startsWith(cluster.url)).toBe(true);
  const projector = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await pinTo(projector, nodeB.name);
  const board = await projector.newPage();
  await board.goto(room.boardUrl);
  await expect(board.getByTestId("connection")).toHaveAttribute("data-status", "live");

  // The attendee on A (a phone).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await pinTo(phone, nodeA.name);
  const attendee = await phone.newPage();
  const keys = await freshKeys();
  await joinAs(attendee, room.joinUrl, "あさひ", keys);
  await expect(attendee.getByTestId("identity")).toBeVisible();
  await expect(attendee.getByTestId("connection")).toHaveAttribute("data-status", "live");
  expect((await phone.cookies(cluster.url)).find((c) => c.name === "hajime_node")?.value).toBe(nodeA.name);

  // A → B: the join and the progress recorded on A reach the board on B.
  await expect(board.getByTestId("joined-count")).toHaveText("1 人");
  await attendee.getByTestId("step-password-policy").getByRole("button", { name: "推奨のポリシーを設定する" }).click();
  await expect(attendee.getByTestId("step-password-policy")).toHaveAttribute("data-state", "done");
  await expect(barDone(board, "password-policy")).toHaveAttribute("data-done", "1");

  // B → A: the organizer's announcement and lock on B reach the attendee's page on A.
  await org.goto(room.organizerUrl);
  await expect(org.getByTestId("attendee-row")).toHaveCount(1);
  await org.getByRole("button", { name: "「後片付け」の文面を入れる" }).click();
  await org.getByRole("button", { name: "お知らせを出す" }).click();
  await expect(attendee.getByTestId("announcement")).toContainText("後片付けの時間です");
  await org.getByTestId("lock-toggle").click();
  await expect(org.getByText("新しい参加を締め切っています")).toBeVisible();
  const late = await browser.newContext();
  await pinTo(late, nodeA.name);
  const latePage = await late.newPage();
  await latePage.goto(room.joinUrl);
  await expect(latePage.getByTestId("join-refused")).toContainText("締め切りました");

  // A dies for good (supervisor and server). The board on B never loses the attendee.
  await nodeA.kill("SIGKILL");
  await expect(board.getByTestId("connection")).toHaveAttribute("data-status", "live");
  await expect(board.getByTestId("joined-count")).toHaveText("1 人");

  // The attendee's next action reaches B: their credentials were only in A's memory, so the
  // page asks for them again over itself; the room and progress are intact.
  await attendee.getByTestId("check-all").click();
  const dialog = attendee.getByTestId("session-lost");
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toHaveAttribute("data-reason", "restarted");
  await expect(attendee.getByTestId("step-password-policy")).toHaveAttribute("data-state", "done");
  await dialog.locator("#paste").fill(envPaste(keys));
  await dialog.getByRole("button", { name: "確認して始める" }).click();
  await expect(dialog).toBeHidden();
  expect((await phone.cookies(cluster.url)).find((c) => c.name === "hajime_node")?.value).toBe(nodeB.name);
  await expect(attendee.getByTestId("connection")).toHaveAttribute("data-status", "live", { timeout: 30_000 });

  // They carry on: the next step is recorded and reaches the board, the earlier one stays.
  const step4 = attendee.getByTestId("step-admin-group");
  await step4.getByRole("button", { name: "admin グループを作成する" }).click();
  await expect(step4).toHaveAttribute("data-state", "done");
  await expect(barDone(board, "admin-group")).toHaveAttribute("data-done", "1");
  await expect(barDone(board, "password-policy")).toHaveAttribute("data-done", "1");
  await expect(board.getByTestId("joined-count")).toHaveText("1 人");
  const tile = board.getByTestId("attendee-tile").filter({ hasText: "あさひ" });
  await expect(tile.locator('[data-step="password-policy"]')).toHaveAttribute("data-done", "true");
  await expect(tile.locator('[data-step="admin-group"]')).toHaveAttribute("data-done", "true");
  await expect(org.getByTestId("attendee-row")).toHaveCount(1);

  // A comes back; nothing it held is needed.
  await nodeA.restart();
  await expect(attendee.getByTestId("announcement")).toContainText("後片付けの時間です");
});
