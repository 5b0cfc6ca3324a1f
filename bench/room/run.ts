/**
 * bench/room: a full room pressing "check all", measured on the real server.
 *
 * The app as `npm start` runs it (server/main.mjs under the supervisor, the same heap flags)
 * on the test build, against moto_server behind the stricter AWS stand-in, behind a latency
 * proxy that adds `--delay` ms to every AWS request (a real region's round trip) and counts
 * them by service and access key. Clients call the server actions over HTTP as the browser
 * does (bench/support/app-client.ts).
 *
 *   1. N attendees join one room with their credentials (each its own moto account), and the
 *      page's first "check all" runs; `--boards` board streams open.
 *   2. Alone: one more attendee runs "check all" `--single` times: AWS requests per "check
 *      all" (exact: nobody else calls), latency, server CPU per "check all".
 *   3. The room: every attendee runs "check all" every 3–6 s for `--duration` s, and makes
 *      progress once (step 3's fix at a random moment, so the boards have events to carry).
 *      Prints the same figures, the ratio p95 room / p95 alone, peak RSS, sessions ended and
 *      progress events lost.
 *   --hang: the room runs for 10 s, then the AWS endpoint stops answering for 60 s
 *      (connections stay open, requests wait), then answers again for 15 s. Prints the
 *      longest call against its deadline, peak RSS, sessions ended.
 *
 *   npm run bench:room -- [--attendees 100] [--boards 10] [--duration 60] [--delay 50] [--single 20] [--hang]
 *   (needs a test build: HAJIME_DIST_DIR=.next-test npx next build)
 *
 * Extra environment is passed to the server (e.g. HAJIME_AWS_MAX_SOCKETS to compare agents).
 */
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { parseArgs } from "node:util";
import { STEP_IDS } from "@/lib/workshop/catalog";
import { AWS_DEADLINES } from "@/lib/aws/deadlines";
import { envPaste, newAttendee, startMoto, type AttendeeKeys } from "../../tests/support/moto";
import { startStrictAws } from "../../tests/support/strict-aws/server";
import { appActions, AppClient, form, mb, outcome, pool, retry, rss } from "../support/app-client";
import { requireBuild, startBenchServer, type BenchServer } from "../support/server";
import { startLatencyProxy } from "../support/latency-proxy";
import { percentile } from "../support/figures";

const { values } = parseArgs({
  options: {
    attendees: { type: "string", default: "100" },
    boards: { type: "string", default: "10" },
    duration: { type: "string", default: "60" },
    delay: { type: "string", default: "50" },
    single: { type: "string", default: "20" },
    dist: { type: "string", default: ".next-test" },
    hang: { type: "boolean", default: false },
    /** Write a V8 CPU profile of the server into this folder (read it with Chrome's DevTools). */
    profile: { type: "string" },
  },
});
const ATTENDEES = Number(values.attendees);
const BOARDS = Number(values.boards);
const DURATION_S = Number(values.duration);
const DELAY = Number(values.delay);
const SINGLE = Number(values.single);
const DIST = values.dist!;
const HANG = values.hang!;
const HANG_AFTER_S = 10;
const HANG_FOR_S = 60;
const HANG_TAIL_S = 15;

const log = (m: string) => process.stdout.write(`[room] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const tally = () => new Map<string, number>();
const count = (t: Map<string, number>, key: string, n = 1) => t.set(key, (t.get(key) ?? 0) + n);
const show = (t: Map<string, number> | Record<string, number>) =>
  (t instanceof Map ? [...t] : Object.entries(t))
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ") || "none";

/** CPU time (user + system) of one process, in ms (NaN once it is gone). */
function cpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return NaN;
  }
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 (1-based), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The pid of the moto_server listening on `port` (to tell how much CPU the emulator took). */
function motoPid(port: number): number | undefined {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (cmd.some((c) => c.endsWith("moto_server")) && cmd.includes(String(port))) return Number(pid);
    } catch {
      // gone
    }
  }
  return undefined;
}

/** The machine's busy and total jiffies (every core), to say how loaded it was. */
function machine(): { busy: number; total: number } {
  const [, ...nums] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const v = nums.map(Number);
  const idle = v[3] + v[4];
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** A board: an event stream counting the progress events it receives. */
function openBoard(base: string, code: string): Promise<{ progress: Set<string>; dropped: () => boolean; close: () => void }> {
  return new Promise((resolve, reject) => {
    const progress = new Set<string>();
    let dropped = false;
    let closing = false;
    const req = request(`${base}/api/rooms/${code}/events?view=board`, { headers: { Accept: "text/event-stream" }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`board stream answered ${res.statusCode}`));
      let buffer = "";
      let ready = false;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = block.match(/^event: (\w+)$/m)?.[1];
          const data = block.match(/^data: (.*)$/m)?.[1];
          if (type === "snapshot" && !ready) {
            ready = true;
            resolve({ progress, dropped: () => dropped, close: () => ((closing = true), req.destroy()) });
          }
          if (type === "progress" && data) {
            const e = JSON.parse(data) as { attendeeId: number; step: string };
            progress.add(`${e.attendeeId}/${e.step}`);
          }
        }
      });
      res.on("close", () => {
        if (!closing) dropped = true;
      });
    });
    req.on("error", (error) => {
      if (!closing) dropped = true;
      reject(error);
    });
    req.end();
  });
}

type Attendee = { client: AppClient; keys: AttendeeKeys; nickname: string };

type CheckResult = { ms: number; ok: boolean; code: string; stepFailures: string[]; awsRequests: number };

async function main() {
  requireBuild(DIST);
  const moto = await startMoto({ managedPolicies: false });
  const strict = await startStrictAws({ moto: moto.endpoint });
  const proxy = await startLatencyProxy(strict.endpoint, DELAY);
  let server: BenchServer | undefined;
  const boards: Awaited<ReturnType<typeof openBoard>>[] = [];
  const everyone: Attendee[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    // As `npm start` runs it; with --profile, server/main.mjs alone (no supervisor) under --cpu-prof.
    server = await startBenchServer({ name: "room", dist: DIST, awsEndpoint: proxy.endpoint, profile: values.profile });
    const base = server.base;
    const serverPid = server.pid();
    const motoProcess = motoPid(moto.port);
    const motoCpu = () => (motoProcess ? cpuMs(motoProcess) : NaN);
    let peak = 0;
    sampler = setInterval(() => (peak = Math.max(peak, rss(serverPid))), 100);
    const ids = appActions(DIST);
    log(
      `${ATTENDEES} attendees + 1 alone, ${BOARDS} boards, +${DELAY} ms per AWS request, ${HANG ? `endpoint frozen ${HANG_AFTER_S}–${HANG_AFTER_S + HANG_FOR_S} s` : `${DURATION_S} s`}; build ${DIST}; server pid ${serverPid}, idle RSS ${mb(rss(serverPid))}`,
    );

    const organizer = new AppClient(base);
    const created = await organizer.action("/ja", ids.createRoom, [
      null,
      form({ title: "bench room", date: "2026-11-29", language: "ja", steps: [...STEP_IDS], maxAttendees: String(Math.min(500, ATTENDEES + 1)), maxPerAccount: "3" }),
    ]);
    const code = created.text.match(/"code":"([A-Z0-9]{6})"/)?.[1];
    if (!code) throw new Error(`no room: ${created.text.slice(0, 300)}`);
    const page = `/ja/r/${code}`;

    const checkAll = async (a: Attendee): Promise<CheckResult> => {
      const before = proxy.callsBy(a.keys.accessKeyId);
      const t0 = performance.now();
      let res;
      try {
        res = await a.client.action(page, ids.checkAll, [[...STEP_IDS]]);
      } catch (error) {
        return { ms: performance.now() - t0, ok: false, code: `error ${(error as { code?: string }).code ?? "?"}`, stepFailures: [], awsRequests: 0 };
      }
      const ms = performance.now() - t0;
      const o = outcome(res);
      const stepFailures = [...res.text.matchAll(/"failure":\{"ok":false,"code":"([a-z0-9-]+)"/g)].map((m) => m[1]);
      return { ms, ok: o.ok, code: o.code, stepFailures, awsRequests: proxy.callsBy(a.keys.accessKeyId) - before };
    };

    // ——— 1. join, as people arrive: each page runs its first "check all" ———
    const attendees: Attendee[] = [];
    const joinStart = Date.now();
    await pool(Array.from({ length: ATTENDEES + 1 }, (_, i) => i), 8, async (i) => {
      const keys = await retry(() => newAttendee(moto.endpoint));
      // Each attendee's browser keeps its connection to the server open between calls.
      const a: Attendee = { client: new AppClient(base, undefined, undefined, { keepAlive: true }), keys, nickname: `参加者${i + 1}` };
      everyone.push(a);
      for (let attempt = 0; ; attempt++) {
        const o = outcome(await a.client.action(page, ids.joinRoom, [null, form({ code, nickname: a.nickname, paste: envPaste(keys), region: "ap-northeast-1" })]));
        if (o.ok) break;
        if (o.seconds === undefined || attempt > 10) throw new Error(`join failed: ${o.code}`);
        await sleep(o.seconds * 1000);
      }
      attendees[i] = a;
      await checkAll(a);
    });
    log(`${ATTENDEES + 1} joined and ran their first "check all" in ${((Date.now() - joinStart) / 1000).toFixed(0)} s; server RSS ${mb(rss(serverPid))}`);
    const alone = attendees.pop()!;

    for (let i = 0; i < BOARDS; i++) boards.push(await openBoard(base, code));
    const progressBefore = new Set(boards[0]?.progress ?? []);

    const failures = tally();
    const stepFailures = tally();
    const report = (r: CheckResult) => {
      if (!r.ok) count(failures, r.code);
      for (const f of r.stepFailures) count(stepFailures, f);
    };

    // ——— 2. one attendee alone ———
    let singleP95 = NaN;
    if (!HANG) {
      await checkAll(alone);
      const results: CheckResult[] = [];
      const services0 = proxy.byService();
      const cpu0 = cpuMs(serverPid);
      for (let i = 0; i < SINGLE; i++) {
        results.push(await checkAll(alone));
        await sleep(between(500, 1000));
      }
      const cpu = cpuMs(serverPid) - cpu0;
      const services = Object.fromEntries(Object.entries(proxy.byService()).map(([k, v]) => [k, (v - (services0[k] ?? 0)) / SINGLE]));
      results.forEach(report);
      const ms = results.map((r) => r.ms);
      singleP95 = percentile(ms, 95);
      const perCheck = results.reduce((a, r) => a + r.awsRequests, 0) / results.length;
      log(`alone: ${SINGLE} "check all": AWS requests per "check all" ${perCheck.toFixed(1)} (${show(services)})`);
      log(`alone: "check all" p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${singleP95.toFixed(0)} ms; server CPU per "check all" ${(cpu / SINGLE).toFixed(1)} ms`);
    }

    // ——— 3. the room ———
    const phaseS = HANG ? HANG_AFTER_S + HANG_FOR_S + HANG_TAIL_S : DURATION_S;
    const roomMs: number[] = [];
    const fixMs: number[] = [];
    let checks = 0;
    let fixes = 0;
    let roomRequests = 0;
    const ended = new Set<string>();
    const services0 = proxy.byService();
    const cpu0 = cpuMs(serverPid);
    const moto0 = motoCpu();
    const self0 = process.cpuUsage();
    const machine0 = machine();
    const t0 = Date.now();
    const endAt = t0 + phaseS * 1000;
    let frozenAt = 0;
    let thawedAt = 0;
    const hang = HANG
      ? (async () => {
          await sleep(HANG_AFTER_S * 1000);
          proxy.freeze();
          frozenAt = Date.now();
          log(`AWS endpoint frozen at ${((frozenAt - t0) / 1000).toFixed(0)} s`);
          await sleep(HANG_FOR_S * 1000);
          const held = proxy.held();
          proxy.thaw();
          thawedAt = Date.now();
          log(`AWS endpoint answers again at ${((thawedAt - t0) / 1000).toFixed(0)} s (${held} requests had waited); RSS ${mb(rss(serverPid))}, peak ${mb(peak)}`);
        })()
      : Promise.resolve();
    const progress = setInterval(() => {
      log(`${((Date.now() - t0) / 1000).toFixed(0)} s: ${checks} "check all" done, RSS ${mb(rss(serverPid))}`);
    }, 10_000);

    await Promise.all(
      attendees.map(async (a) => {
        const fixAt = t0 + between(0.1, 0.9) * phaseS * 1000;
        let fixed = false;
        await sleep(between(0, 6000));
        while (Date.now() < endAt) {
          const r = await checkAll(a);
          checks += 1;
          roomRequests += r.awsRequests;
          roomMs.push(r.ms);
          report(r);
          if (["not-signed-in", "expired", "invalid-credentials"].includes(r.code)) ended.add(a.nickname);
          if (!fixed && Date.now() >= fixAt) {
            fixed = true;
            const f0 = performance.now();
            const res = await a.client.action(page, ids.fixStep, ["password-policy", {}]).catch(() => undefined);
            fixMs.push(performance.now() - f0);
            fixes += 1;
            if (res) {
              const o = outcome(res);
              if (!o.ok) count(failures, `fix ${o.code}`);
              if (["not-signed-in", "expired", "invalid-credentials"].includes(o.code)) ended.add(a.nickname);
            }
          }
          if (Date.now() >= endAt) break;
          await sleep(between(3000, 6000));
        }
      }),
    );
    await hang;
    clearInterval(progress);
    const seconds = (Date.now() - t0) / 1000;
    const cpu = cpuMs(serverPid) - cpu0;
    const motoSpent = motoCpu() - moto0;
    const selfUsage = process.cpuUsage(self0);
    const selfSpent = (selfUsage.user + selfUsage.system) / 1000;
    const machine1 = machine();
    const busy = (100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total);
    const services = Object.fromEntries(Object.entries(proxy.byService()).map(([k, v]) => [k, (v - (services0[k] ?? 0)) / Math.max(1, checks)]));

    // Progress events: every board must have every progress event the server recorded.
    await sleep(2000);
    const union = new Set<string>();
    for (const b of boards) for (const p of b.progress) if (!progressBefore.has(p)) union.add(p);
    let lost = 0;
    for (const b of boards) for (const p of union) if (!b.progress.has(p)) lost += 1;
    const dropped = boards.filter((b) => b.dropped()).length;

    const p50 = percentile(roomMs, 50);
    const p95 = percentile(roomMs, 95);
    const longest = Math.max(...roomMs);
    const longestFix = fixMs.length ? Math.max(...fixMs) : 0;
    const perCheck = roomRequests / Math.max(1, checks);
    const cpuPer = cpu / Math.max(1, checks + fixes);

    process.stdout.write("\n");
    log(`room: ${checks} "check all" and ${fixes} fixes in ${seconds.toFixed(0)} s by ${ATTENDEES} attendees; machine ${busy.toFixed(0)} % busy (2 cores shared with moto and this client)`);
    log(`room: AWS requests per "check all" ${perCheck.toFixed(1)} (all requests by service, per "check all": ${show(Object.fromEntries(Object.entries(services).map(([k, v]) => [k, Number(v.toFixed(1))])))})`);
    log(`room: "check all" p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, longest ${longest.toFixed(0)} ms; fix longest ${longestFix.toFixed(0)} ms`);
    log(`room: server CPU ${(cpu / 1000).toFixed(1)} s, per call (check all or fix) ${cpuPer.toFixed(1)} ms; moto ${(motoSpent / 1000).toFixed(1)} s; this process (clients, stand-in, proxy) ${(selfSpent / 1000).toFixed(1)} s`);
    log(`failures: ${show(failures)}; step failures inside "check all": ${show(stepFailures)}`);
    log(`progress events: ${union.size} new, on ${boards.length} boards; lost ${lost}; board streams dropped ${dropped}`);
    const serverLog = server.log();
    const pidNow = server.pid();
    const restarted = pidNow !== serverPid || /restarting in/.test(serverLog);
    if (restarted) log(`the server died during the run and was restarted (pid ${serverPid} → ${pidNow}): every session it held was lost`);
    const warnings = (serverLog.match(/socket usage at capacity|requestTimeout/g) ?? []).length;
    if (warnings) log(`server log: ${warnings} SDK socket/timeout warnings`);

    const checkDeadline = AWS_DEADLINES.checkMs;
    const fixDeadline = AWS_DEADLINES.fixMs;
    const rows: string[] = [];
    let met: boolean;
    if (HANG) {
      met = longest <= checkDeadline + 2000 && longestFix <= fixDeadline + 2000 && peak < 300 * 2 ** 20 && ended.size === 0 && !restarted;
      rows.push(
        `RESULT hang: longest "check all" ${(longest / 1000).toFixed(1)} s (deadline ${checkDeadline / 1000} s), longest fix ${(longestFix / 1000).toFixed(1)} s (deadline ${fixDeadline / 1000} s), peak RSS ${mb(peak)}, sessions ended ${ended.size}, server restarted ${restarted ? "YES" : "no"}`,
        `targets (no call longer than its deadline + 2 s, peak RSS < 300 MB, 0 sessions ended, no restart): ${met ? "met" : "MISSED"}`,
      );
    } else {
      const ratio = p95 / singleP95;
      met = perCheck <= 10 && ratio <= 3 && ended.size === 0 && lost === 0 && !restarted;
      rows.push(
        `RESULT room: ${perCheck.toFixed(1)} AWS requests per "check all"; p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (alone ${singleP95.toFixed(0)} ms): ratio ${ratio.toFixed(2)}; server CPU per call ${cpuPer.toFixed(1)} ms; peak RSS ${mb(peak)}; sessions ended ${ended.size}; events lost ${lost}`,
        `targets (≤ 10 AWS requests per "check all", p95 room / alone ≤ 3, 0 sessions ended, 0 events lost): ${met ? "met" : "MISSED"}`,
      );
    }
    process.stdout.write(`\n${rows.join("\n")}\n`);
    process.exitCode = met ? 0 : 1;
  } finally {
    if (sampler) clearInterval(sampler);
    for (const b of boards) b.close();
    for (const a of everyone) a.client.close();
    // With --profile, waits for the profile to be written.
    await server?.stop();
    await proxy.close();
    await strict.stop();
    await moto.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
