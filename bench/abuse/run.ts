/**
 * bench/abuse: what one outsider on the venue Wi-Fi can do to a Hajime server, tried for real.
 *
 * Starts the app as `npm start` does (server/main.mjs under the supervisor, the same heap
 * flags) on the test build, against moto_server behind the stricter AWS stand-in
 * (tests/support/strict-aws: among its rules, keys moto never issued are refused, as AWS does). Then, each flood from its own client address (127.0.0.x), every
 * request with a forged X-Forwarded-For:
 *   1. 10,000 sign-in attempts: one valid sts JSON replayed from fresh cookie jars, and
 *      made-up keys; and (run last, as its sessions stay) sessions from 2,500 different
 *      accounts, more than the total cap;
 *   2. 10,000 event-stream opens from one client, then 10,000 spread over 500 addresses
 *      and 40 rooms (the total cap);
 *   3. 1,000 joins without valid credentials while 50 genuine attendees join from the same
 *      address (retrying as a person would when told to wait);
 *   4. forged X-Forwarded-For against each per-address limit, compared with none.
 * Prints whether the server stayed up (same process, never restarted), its peak RSS, what was
 * refused by which limit, and the genuine attendees admitted. Exit 1 when a target is missed.
 *
 *   npm run bench:abuse            (needs a test build: HAJIME_DIST_DIR=.next-test npx next build)
 */
import { envPaste, newAttendee, startMoto, type AttendeeKeys } from "../../tests/support/moto";
import { startStrictAws } from "../../tests/support/strict-aws/server";
import { appActions, AppClient, form, mb, outcome, pool, retry, rss, send } from "../support/app-client";
import { startBenchServer, requireBuild, type BenchServer } from "../support/server";
import { numberArg as arg } from "../support/figures";

const DIST = ".next-test";
const SIGNINS = arg("signins", 10_000);
const STREAMS = arg("streams", 10_000);
const BOT_JOINS = arg("bot-joins", 1_000);
const GENUINE = arg("genuine", 50);
const ACCOUNTS = arg("accounts", 2_500);

const log = (m: string) => process.stdout.write(`[abuse] ${m}\n`);
const randomIp = () => `${1 + Math.floor(Math.random() * 222)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
const forged = () => ({ "X-Forwarded-For": `${randomIp()}, ${randomIp()}`, "X-Forwarded-Proto": "https" });
const tally = () => new Map<string, number>();
const count = (t: Map<string, number>, key: string) => t.set(key, (t.get(key) ?? 0) + 1);
const show = (t: Map<string, number>) => [...t].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ");

function stsJson(k: AttendeeKeys): string {
  return JSON.stringify({
    Credentials: { AccessKeyId: k.accessKeyId, SecretAccessKey: k.secretAccessKey, SessionToken: k.sessionToken, Expiration: "2099-01-01T00:00:00Z" },
    AssumedRoleUser: { AssumedRoleId: "AROA:bench", Arn: `arn:aws:sts::${k.accountId}:assumed-role/r/bench` },
  });
}

let fakeSerial = 0;
function fakeKeys() {
  fakeSerial += 1;
  return {
    accessKeyId: `ASIA${String(fakeSerial).padStart(16, "0")}`,
    secretAccessKey: "f".repeat(40),
    sessionToken: `FakeSessionToken${"x".repeat(200)}${fakeSerial}`,
    expiration: new Date(Date.now() + 3_600_000),
  };
}

async function main() {
  requireBuild(DIST);
  const moto = await startMoto({ managedPolicies: false });
  // The stricter AWS stand-in: among its rules, keys moto never issued are refused as AWS does.
  const strict = await startStrictAws({ moto: moto.endpoint });
  let server: BenchServer | undefined;
  const open: { close: () => void }[] = [];
  try {
    server = await startBenchServer({ name: "abuse", dist: DIST, awsEndpoint: strict.endpoint });
    const base = server.base;
    const serverPid = server.pid();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(serverPid))), 100);
    log(`server pid ${serverPid} on ${base}; idle RSS ${mb(rss(serverPid))}`);
    const ids = appActions(DIST);
    const newRoom = async (client: AppClient, title: string, maxAttendees = 150) => {
      const res = await client.action("/ja", ids.createRoom, [null, form({ title, date: "2026-11-29", language: "ja", steps: ["root-access-keys", "password-policy"], maxAttendees: String(maxAttendees), maxPerAccount: "3" })]);
      const code = res.text.match(/"code":"([A-Z0-9]{6})"/)?.[1];
      if (!code) throw new Error(`no room: ${res.text.slice(0, 200)}`);
      return code;
    };
    const rows: string[] = [];

    // ——— 1. sign-in flood ———
    {
      const t0 = Date.now();
      const valid = await retry(() => newAttendee(moto.endpoint));
      const results = tally();
      await pool(Array.from({ length: SIGNINS }, (_, i) => i), 50, async (i) => {
        const client = new AppClient(base, "127.0.0.2", forged);
        const paste = i % 2 === 0 ? stsJson(valid) : envPaste(fakeKeys());
        try {
          count(results, outcome(await client.action("/ja/solo", ids.signIn, [null, form({ paste, region: "ap-northeast-1" })])).code);
        } catch (error) {
          count(results, `error ${(error as { code?: string }).code ?? "?"}`);
        }
      });
      log(`1a. ${SIGNINS} sign-ins (half one valid sts JSON, half made-up keys) in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${show(results)}; RSS ${mb(rss(serverPid))}`);
      rows.push(`1a sign-in attempts         ${String(SIGNINS).padStart(6)}  ${show(results)}`);

    }

    // ——— 2. stream flood ———
    {
      const organizer = new AppClient(base, "127.0.0.9");
      const code = await newRoom(organizer, "streams");
      const results = tally();
      const t0 = Date.now();
      const client = new AppClient(base, "127.0.0.3", forged);
      await pool(Array.from({ length: STREAMS }, (_, i) => i), 200, async () => {
        try {
          const s = await client.openStream(`/api/rooms/${code}/events?view=board`);
          const reason = s.first.match(/"reason":"(\w+)"/)?.[1];
          count(results, s.status === 200 ? "open" : `${s.status} ${reason ?? ""}`.trim());
          if (s.status === 200) open.push(s);
          else s.close();
        } catch {
          count(results, "connection error");
        }
      });
      log(`2a. ${STREAMS} stream opens from one client in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${show(results)}; RSS ${mb(rss(serverPid))}`);
      rows.push(`2a streams, one client      ${String(STREAMS).padStart(6)}  ${show(results)}`);

      const rooms: string[] = [];
      for (let i = 0; i < 40; i++) rooms.push(await newRoom(new AppClient(base, `127.0.2.${1 + i}`), `streams ${i}`));
      const spread = tally();
      const t1 = Date.now();
      await pool(Array.from({ length: STREAMS }, (_, i) => i), 200, async (i) => {
        const c = new AppClient(base, `127.0.${3 + Math.floor(i / 250) % 2}.${1 + (i % 250)}`, forged);
        try {
          const s = await c.openStream(`/api/rooms/${rooms[i % rooms.length]}/events?view=board`);
          const reason = s.first.match(/"reason":"(\w+)"/)?.[1];
          count(spread, s.status === 200 ? "open" : `${s.status} ${reason ?? ""}`.trim());
          if (s.status === 200) open.push(s);
          else s.close();
        } catch {
          count(spread, "connection error");
        }
      });
      log(`2b. ${STREAMS} stream opens from 500 addresses into 40 rooms in ${((Date.now() - t1) / 1000).toFixed(0)} s: ${show(spread)}; RSS ${mb(rss(serverPid))}`);
      rows.push(`2b streams, 500 addresses   ${String(STREAMS).padStart(6)}  ${show(spread)}`);
      for (const s of open.splice(0)) s.close();
    }

    // ——— 3. join flood with genuine attendees behind the same address ———
    let admitted = 0;
    let botSeats = 0;
    {
      const organizer = new AppClient(base, "127.0.0.10");
      const code = await newRoom(organizer, "join flood", 150);
      const page = `/ja/r/${code}`;
      const venue = "127.0.0.4";
      const bot = tally();
      const genuineResults = tally();
      const t0 = Date.now();
      await Promise.all([
        pool(Array.from({ length: BOT_JOINS }, (_, i) => i), 20, async (i) => {
          const c = new AppClient(base, venue, forged);
          const paste = i % 3 === 0 ? "" : i % 3 === 1 ? envPaste(fakeKeys()) : "export AWS_ACCESS_KEY_ID=AKIAJUNK";
          try {
            const o = outcome(await c.action(page, ids.joinRoom, [null, form({ code, nickname: `bot-${i}`, paste, region: "ap-northeast-1" })]));
            count(bot, o.code);
            if (o.ok) botSeats++;
          } catch (error) {
            count(bot, `error ${(error as { code?: string }).code ?? "?"}`);
          }
        }),
        pool(Array.from({ length: GENUINE }, (_, i) => i), 10, async (i) => {
          await new Promise((r) => setTimeout(r, Math.random() * 5000));
          const keys = await retry(() => newAttendee(moto.endpoint));
          const c = new AppClient(base, venue, forged);
          for (let attempt = 0; attempt < 6; attempt++) {
            const o = outcome(await c.action(page, ids.joinRoom, [null, form({ code, nickname: `参加者${i + 1}`, paste: envPaste(keys), region: "ap-northeast-1" })]));
            count(genuineResults, o.code);
            if (o.ok) {
              admitted++;
              return;
            }
            if (o.seconds === undefined) return;
            await new Promise((r) => setTimeout(r, o.seconds! * 1000));
          }
        }),
      ]);
      log(`3. ${BOT_JOINS} bot joins + ${GENUINE} genuine from ${venue} in ${((Date.now() - t0) / 1000).toFixed(0)} s; bot: ${show(bot)}; genuine answers: ${show(genuineResults)}`);
      rows.push(`3  joins without credentials ${String(BOT_JOINS).padStart(5)}  ${show(bot)}`);
    }

    // ——— 4. forged X-Forwarded-For against each per-address limit ———
    let extra = 0;
    let limitsReached = false;
    {
      const organizer = new AppClient(base, "127.0.0.11");
      const code = await newRoom(organizer, "keys");
      const tries = async (address: string, forge: boolean) => {
        const headers = () => (forge ? forged() : {});
        const allowed = { unknownCodes: 0, organizerKeys: 0, rooms: 0 };
        const t0 = Date.now();
        await pool(Array.from({ length: 150 }, (_, i) => i), 10, async (i) => {
          const c = new AppClient(base, address, headers);
          const res = await c.get(`/api/rooms/ZZZZ${"23456789"[i % 8]}${"ABCDEFGH"[Math.floor(i / 8) % 8]}/events`);
          if (res.status === 404) allowed.unknownCodes++;
        });
        await pool(Array.from({ length: 20 }, (_, i) => i), 5, async () => {
          const c = new AppClient(base, address, headers);
          const o = outcome(await c.action(`/ja/r/${code}/organize`, ids.claimOrganizer, [code, "A".repeat(43)]));
          if (o.code === "organizer-key-invalid") allowed.organizerKeys++;
        });
        await pool(Array.from({ length: 20 }, (_, i) => i), 5, async (i) => {
          const c = new AppClient(base, address, headers);
          const res = await c.action("/ja", ids.createRoom, [null, form({ title: `x${i}`, date: "2026-11-29", language: "ja", steps: ["teardown"], maxAttendees: "5", maxPerAccount: "1" })]);
          if (outcome(res).ok) allowed.rooms++;
        });
        log(`   ${forge ? "forged" : "plain "} from ${address} in ${Date.now() - t0} ms: ${JSON.stringify(allowed)}`);
        return allowed;
      };
      const plain = await tries("127.0.0.5", false);
      const forging = await tries("127.0.0.6", true);
      extra = forging.unknownCodes - plain.unknownCodes + (forging.organizerKeys - plain.organizerKeys) + (forging.rooms - plain.rooms);
      // The comparison means something only if the limits were reached at all.
      limitsReached = plain.unknownCodes < 150 && plain.organizerKeys < 20 && plain.rooms < 20;
      log(`4. per-address limits, without / with a new forged X-Forwarded-For on every request: unknown codes ${plain.unknownCodes} / ${forging.unknownCodes}, wrong organizer keys ${plain.organizerKeys} / ${forging.organizerKeys}, rooms created ${plain.rooms} / ${forging.rooms}`);
      rows.push(`4  forged X-Forwarded-For    extra attempts bought: ${extra}`);
    }

    // ——— 1b. (last: its sessions stay) sessions from many accounts fill the total cap ———
    {
      const t1 = Date.now();
      const accounts = tally();
      await pool(Array.from({ length: ACCOUNTS }, (_, i) => i), 16, async (i) => {
        const keys = await retry(() => newAttendee(moto.endpoint));
        const client = new AppClient(base, `127.0.1.${1 + (i % 250)}`, forged);
        try {
          count(accounts, outcome(await client.action("/ja/solo", ids.signIn, [null, form({ paste: envPaste(keys), region: "ap-northeast-1" })])).code);
        } catch (error) {
          count(accounts, `error ${(error as { code?: string }).code ?? "?"}`);
        }
      });
      log(`1b. ${ACCOUNTS} sign-ins from different accounts in ${((Date.now() - t1) / 1000).toFixed(0)} s: ${show(accounts)}; RSS ${mb(rss(serverPid))}`);
      rows.push(`1b sessions, many accounts  ${String(ACCOUNTS).padStart(6)}  ${show(accounts)}`);
    }

    clearInterval(sampler);
    const pidNow = server.pid();
    const restarts = (server.log().match(/restarting in/g) ?? []).length;
    const alive = pidNow === serverPid && restarts === 0 && (await send(`${base}/ja`, {})).status === 200;
    process.stdout.write(`\n${rows.join("\n")}\n\n`);
    process.stdout.write(
      `RESULT server alive: ${alive ? "yes" : "NO"} (pid ${serverPid}${pidNow !== serverPid ? ` → ${pidNow}` : ""}, ${restarts} restarts); peak RSS ${mb(peak)}; genuine attendees admitted ${admitted}/${GENUINE}; bot seats ${botSeats}; forged X-Forwarded-For extra attempts ${extra}\n`,
    );

    // Last: the server killed outright (SIGKILL, as the OOM killer would): the supervisor must
    // have it serving again, with nobody touching it, within 5 s.
    const killedAt = Date.now();
    process.kill(serverPid, "SIGKILL");
    let backMs = Infinity;
    while (Date.now() - killedAt < 30_000) {
      try {
        if ((await send(`${base}/ja`, {})).status === 200) {
          backMs = Date.now() - killedAt;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    process.stdout.write(`RESULT SIGKILL → serving again in ${Number.isFinite(backMs) ? `${backMs} ms` : "NEVER (30 s)"}\n`);

    const met = alive && peak < 300 * 2 ** 20 && admitted === GENUINE && botSeats === 0 && extra === 0 && limitsReached && backMs < 5_000;
    process.stdout.write(
      `targets (alive, peak RSS < 300 MB, ${GENUINE}/${GENUINE} admitted, 0 bot seats, 0 extra attempts with every per-address limit reached${limitsReached ? "" : " — NOT reached"}, back within 5 s after SIGKILL): ${met ? "met" : "MISSED"}\n`,
    );
    process.exitCode = met ? 0 : 1;
  } finally {
    for (const s of open) s.close();
    await server?.stop();
    await strict.stop();
    await moto.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
