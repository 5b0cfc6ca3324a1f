/**
 * bench/board: the live board under a full room, measured on the real server.
 *
 * The app as `npm start` runs it (server/main.mjs under the supervisor, through
 * tests/e2e/support/server.mjs) on the test build (.next-test), against a moto_server
 * without managed policies (cheap accounts). Simulated attendees do what a browser does:
 * call the server actions over HTTP (joinRoom with their credentials, checkStep, fixStep)
 * with their own cookies, so each progress write comes from a real check verified against
 * moto. Meanwhile board streams and every attendee's own stream are open. Each progress
 * event carries the server's write time (`at`); latency = arrival at the client − `at`
 * (same machine, same clock). Peak RSS is the server process's, from /proc.
 *
 *   npm run bench:board -- [--attendees 300] [--boards 10] [--window 60]
 *
 * Boards: the first 10 are projectors (no cookie); any more are
 * attendees who opened the board on their phone (with their attendee cookie), which is where
 * a crowd of boards comes from at an event (lib/rooms/stream-caps.ts counts them per attendee).
 */
import { EventSource } from "eventsource";
import { envPaste, newAttendee, startMoto, type AttendeeKeys } from "../../tests/support/moto";
import { appActions, AppClient, form, pool, rss } from "../support/app-client";
import { requireBuild, startBenchServer, type BenchServer } from "../support/server";
import { log, numberArg as arg, percentile } from "../support/figures";

const ATTENDEES = arg("attendees", 300);
const BOARDS = arg("boards", 10);
const WINDOW_S = arg("window", 60);
const DIST = ".next-test";
const PROJECTORS = 10;

// ——— the run ———

async function main() {
  requireBuild(DIST);
  log(`${ATTENDEES} attendees, ${BOARDS} board streams + ${ATTENDEES} attendee streams, progress over ${WINDOW_S} s`);
  const moto = await startMoto({ managedPolicies: false });
  let server: BenchServer | undefined;
  let peakRss = 0;
  let serverPid = 0;
  const sampler = setInterval(() => serverPid && (peakRss = Math.max(peakRss, rss(serverPid))), 200);
  const streams: EventSource[] = [];
  const serverRss = () => `${(rss(serverPid) / 2 ** 20).toFixed(0)} MB`;

  try {
    server = await startBenchServer({ name: "board", dist: DIST, awsEndpoint: moto.endpoint });
    const base = server.base;
    serverPid = server.pid();
    const ids = appActions(DIST);

    const organizer = new AppClient(base);
    const created = await organizer.action("/ja", ids.createRoom, [
      null,
      form({ title: "bench", date: "2026-11-14", language: "ja", steps: ["root-access-keys", "root-mfa", "password-policy", "teardown"], maxAttendees: "300" }),
    ]);
    const code = created.text.match(/"code":"([A-Z0-9]{6})"/)?.[1];
    if (!code) throw new Error(`room not created: ${created.text.slice(0, 300)}`);
    const page = `/ja/r/${code}`;
    log(`room ${code}; idle server RSS ${serverRss()}`);

    // Join with credentials, as people do in the first minutes, all from one venue address.
    const attendees = Array.from({ length: ATTENDEES }, () => new AppClient(base));
    const joinStart = Date.now();
    await pool(attendees, 16, async (a, i) => {
      const keys = await newAttendee(moto.endpoint);
      const res = await a.action(page, ids.joinRoom, [null, form({ code, nickname: `参加者${i + 1}`, paste: envPaste(keys), region: "ap-northeast-1" })]);
      if (!res.text.includes('"ok":true')) throw new Error(`join failed: ${res.text.slice(0, 200)}`);
    });
    log(`${ATTENDEES} joined (with credentials) in ${((Date.now() - joinStart) / 1000).toFixed(0)} s; server RSS ${serverRss()} (peak so far ${(peakRss / 2 ** 20).toFixed(0)} MB)`);

    // Open the streams and wait for every snapshot.
    const latencies = { board: [] as number[], attendee: [] as number[] };
    let boardEvents = 0;
    let attendeeEvents = 0;
    const open = (kind: "board" | "attendee", cookie?: string) =>
      new Promise<void>((resolve, reject) => {
        const es = new EventSource(`${base}/api/rooms/${code}/events?view=${kind}`, {
          fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...(cookie ? { Cookie: cookie } : {}) } }),
        });
        streams.push(es);
        es.addEventListener("snapshot", () => resolve(), { once: true });
        es.addEventListener("progress", (e) => {
          const at = (JSON.parse(e.data) as { at: number }).at;
          latencies[kind].push(Date.now() - at);
          if (kind === "board") boardEvents++;
          else attendeeEvents++;
        });
        es.onerror = () => reject(new Error(`${kind} stream failed`));
      });
    const opening = Date.now();
    await Promise.all([
      // Projectors: no cookie. Any more boards: attendees' phones, with their cookie.
      ...Array.from({ length: BOARDS }, (_, i) => (i < PROJECTORS ? open("board") : open("board", attendees[(i - PROJECTORS) % ATTENDEES].cookieHeader()))),
      ...attendees.map((a) => open("attendee", a.cookieHeader())),
    ]);
    log(`${streams.length} streams open in ${Date.now() - opening} ms; server RSS ${serverRss()}`);

    // Progress: each attendee's checks verify two steps at a random moment in the window.
    const actionMs: number[] = [];
    const started = Date.now();
    await Promise.all(
      attendees.map(async (a) => {
        await new Promise((r) => setTimeout(r, Math.random() * WINDOW_S * 1000));
        for (const call of [
          () => a.action(page, ids.checkStep, ["root-access-keys"]),
          () => a.action(page, ids.fixStep, ["password-policy", {}]),
        ]) {
          const t0 = Date.now();
          const res = await call();
          actionMs.push(Date.now() - t0);
          if (!res.text.includes('"state":"done"')) throw new Error(`a check did not verify: ${res.text.slice(0, 200)}`);
        }
      }),
    );
    const writes = ATTENDEES * 2;
    const expected = { board: writes * BOARDS, attendee: writes };
    for (let i = 0; i < 100 && (boardEvents < expected.board || attendeeEvents < expected.attendee); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - started) / 1000;

    const report = (label: string, xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      log(`${label.padEnd(28)} n=${String(s.length).padStart(7)}  p50 ${percentile(s, 50)} ms  p95 ${percentile(s, 95)} ms  p99 ${percentile(s, 99)} ms  max ${s[s.length - 1]} ms`);
      return percentile(s, 95);
    };
    log(`${writes} progress writes in ${seconds.toFixed(0)} s; events delivered: boards ${boardEvents}/${expected.board}, attendees ${attendeeEvents}/${expected.attendee}`);
    report("check/fix action (HTTP)", actionMs);
    report("write → board stream", latencies.board);
    report("write → attendee stream", latencies.attendee);
    const p95 = report("write → any stream", [...latencies.board, ...latencies.attendee]);
    const sorted = [...latencies.board, ...latencies.attendee].sort((a, b) => a - b);
    const mb = peakRss / 2 ** 20;
    process.stdout.write(`\nRESULT p50=${percentile(sorted, 50)}ms p95=${p95}ms peakRSS=${mb.toFixed(0)}MB\n`);
    const lost = boardEvents < expected.board || attendeeEvents < expected.attendee;
    process.stdout.write(`target p95 < 250 ms: ${p95 < 250 ? "met" : "MISSED"}; peak RSS < 300 MB: ${mb < 300 ? "met" : "MISSED"}; events lost: ${lost ? "YES" : "none"}\n`);
    process.exitCode = p95 < 250 && mb < 300 && !lost ? 0 : 1;
  } finally {
    for (const es of streams) es.close();
    clearInterval(sampler);
    await server?.stop();
    await moto.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
