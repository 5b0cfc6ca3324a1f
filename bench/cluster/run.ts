/**
 * bench/cluster: a big event on several instances, measured on the real parts.
 *
 * PostgreSQL (a throwaway cluster), the shipped HAProxy configuration and 3 instances (the
 * app as `npm start` runs it, on the test build .next-test), through tests/support/cluster.ts,
 * against a moto_server without managed policies (cheap accounts). Attendees do what a
 * browser does, through the proxy (so HAProxy's cookie puts each on one instance): join a room
 * with their credentials, then a check and a fix that verify two steps. Every room has a board
 * stream open on every instance, directly, so most progress events cross instances
 * (PostgreSQL NOTIFY). Latency = arrival at the board − the write's time `at` (one machine,
 * one clock). Then the same rooms on one SQLite instance, in the same run, for comparison.
 *
 *   npm run bench:cluster -- [--attendees 300] [--rooms 6] [--instances 3] [--window 30]
 */
import { EventSource } from "eventsource";
import { newAttendee, envPaste, startMoto } from "../../tests/support/moto";
import { startCluster } from "../../tests/support/cluster";
import { appActions, AppClient, form, pool, rss } from "../support/app-client";
import { requireBuild, startBenchServer } from "../support/server";
import { log, numberArg as arg, percentile } from "../support/figures";

const ATTENDEES = arg("attendees", 300);
const ROOMS = arg("rooms", 6);
const INSTANCES = arg("instances", 3);
const WINDOW_S = arg("window", 30);
const DIST = ".next-test";

/** Where a run sends attendees (`entry`) and where its boards listen (one per instance). */
type Target = { label: string; entry: string; boards: { node: string; base: string }[]; pids: () => Record<string, number> };

type Figures = {
  label: string;
  writes: number;
  expected: number;
  delivered: number;
  cross: number[];
  same: number[];
  actionMs: number[];
  peakRss: Record<string, number>;
};

async function runEvent(target: Target, motoEndpoint: string): Promise<Figures> {
  const ids = appActions(DIST);
  const peakRss: Record<string, number> = {};
  const sample = () => {
    for (const [node, pid] of Object.entries(target.pids())) if (pid) peakRss[node] = Math.max(peakRss[node] ?? 0, rss(pid));
  };
  const sampler = setInterval(sample, 200);
  const streams: EventSource[] = [];
  try {
    // Rooms, made by one organizer through the entry.
    const organizer = new AppClient(target.entry);
    const codes: string[] = [];
    for (let r = 0; r < ROOMS; r++) {
      const created = await organizer.action("/ja", ids.createRoom, [
        null,
        form({
          title: `bench ${r + 1}`,
          date: "2026-11-29",
          language: "ja",
          steps: ["root-access-keys", "root-mfa", "password-policy", "teardown"],
          maxAttendees: "300",
        }),
      ]);
      const code = created.text.match(/"code":"([A-Z0-9]{6})"/)?.[1];
      if (!code) throw new Error(`room not created: ${created.text.slice(0, 300)}`);
      codes.push(code);
    }

    // Attendees join, spread over the rooms, through the entry (the proxy picks their instance).
    const attendees = Array.from({ length: ATTENDEES }, () => new AppClient(target.entry));
    const roomOf = (i: number) => codes[i % ROOMS];
    const nodeOfNickname = new Map<string, string>();
    const joinStart = Date.now();
    await pool(attendees, 16, async (a, i) => {
      const keys = await newAttendee(motoEndpoint);
      const nickname = `参加者${i + 1}`;
      const res = await a.action(`/ja/r/${roomOf(i)}`, ids.joinRoom, [
        null,
        form({ code: roomOf(i), nickname, paste: envPaste(keys), region: "ap-northeast-1" }),
      ]);
      if (!res.text.includes('"ok":true')) throw new Error(`join failed: ${res.text.slice(0, 200)}`);
      nodeOfNickname.set(nickname, a.cookies.get("hajime_node") ?? target.boards[0].node);
    });
    const spread = [...nodeOfNickname.values()].reduce<Record<string, number>>((n, node) => ({ ...n, [node]: (n[node] ?? 0) + 1 }), {});
    log(`${target.label}: ${ATTENDEES} joined ${ROOMS} rooms in ${((Date.now() - joinStart) / 1000).toFixed(0)} s; attendees per instance ${JSON.stringify(spread)}`);

    // A board per room on every instance.
    const cross: number[] = [];
    const same: number[] = [];
    let delivered = 0;
    const openBoard = (code: string, board: { node: string; base: string }) =>
      new Promise<void>((resolve, reject) => {
        const es = new EventSource(`${board.base}/api/rooms/${code}/events?view=board`);
        streams.push(es);
        const nodeOfAttendee = new Map<number, string>();
        es.addEventListener(
          "snapshot",
          (e) => {
            for (const a of (JSON.parse(e.data) as { attendees: { id: number; nickname: string }[] }).attendees) {
              nodeOfAttendee.set(a.id, nodeOfNickname.get(a.nickname) ?? "?");
            }
            resolve();
          },
          { once: true },
        );
        es.addEventListener("progress", (e) => {
          const { at, attendeeId } = JSON.parse(e.data) as { at: number; attendeeId: number };
          delivered++;
          (nodeOfAttendee.get(attendeeId) === board.node ? same : cross).push(Date.now() - at);
        });
        es.onerror = () => reject(new Error(`board stream on ${board.node} failed`));
      });
    await Promise.all(codes.flatMap((code) => target.boards.map((b) => openBoard(code, b))));
    log(`${target.label}: ${streams.length} board streams open (${ROOMS} rooms × ${target.boards.length} instances)`);

    // Progress: each attendee's check and fix verify two steps at a random moment in the window.
    const actionMs: number[] = [];
    await Promise.all(
      attendees.map(async (a, i) => {
        await new Promise((r) => setTimeout(r, Math.random() * WINDOW_S * 1000));
        const page = `/ja/r/${roomOf(i)}`;
        for (const call of [() => a.action(page, ids.checkStep, ["root-access-keys"]), () => a.action(page, ids.fixStep, ["password-policy", {}])]) {
          const t0 = Date.now();
          const res = await call();
          actionMs.push(Date.now() - t0);
          if (!res.text.includes('"state":"done"')) throw new Error(`a check did not verify: ${res.text.slice(0, 200)}`);
        }
      }),
    );
    const writes = ATTENDEES * 2;
    const expected = writes * target.boards.length;
    for (let i = 0; i < 100 && delivered < expected; i++) await new Promise((r) => setTimeout(r, 100));
    sample();
    return { label: target.label, writes, expected, delivered, cross, same, actionMs, peakRss };
  } finally {
    for (const es of streams) es.close();
    clearInterval(sampler);
  }
}

function report(f: Figures): { p95: number; lost: number } {
  const line = (label: string, xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    log(`  ${label.padEnd(30)} n=${String(s.length).padStart(6)}  p50 ${percentile(s, 50)} ms  p95 ${percentile(s, 95)} ms  max ${s[s.length - 1]} ms`);
    return percentile(s, 95);
  };
  const lost = f.expected - f.delivered;
  log(`${f.label}: ${f.writes} progress writes; board events delivered ${f.delivered}/${f.expected} (lost ${lost})`);
  line("check/fix action (HTTP)", f.actionMs);
  const p95 = f.cross.length > 0 ? line("write → board, other instance", f.cross) : NaN;
  line("write → board, same instance", f.same);
  log(`  peak RSS: ${Object.entries(f.peakRss).map(([n, b]) => `${n} ${(b / 2 ** 20).toFixed(0)} MB`).join(", ")}`);
  return { p95: f.cross.length > 0 ? p95 : percentile([...f.same].sort((a, b) => a - b), 95), lost };
}

async function main() {
  requireBuild(DIST);
  log(`${ATTENDEES} attendees in ${ROOMS} rooms; ${INSTANCES} instances + PostgreSQL + HAProxy, then one SQLite instance`);
  const moto = await startMoto({ managedPolicies: false });
  try {
    const cluster = await startCluster({
      awsEndpoint: moto.endpoint,
      instances: INSTANCES,
      dist: DIST,
      env: { HAJIME_ROOMS_CREATED_PER_ADDRESS: "100" },
    });
    let clustered: Figures;
    try {
      clustered = await runEvent(
        {
          label: `${INSTANCES} instances`,
          entry: cluster.url,
          boards: cluster.instances.map((i) => ({ node: i.name, base: i.url })),
          pids: () => Object.fromEntries(cluster.instances.map((i) => [i.name, i.pid()])),
        },
        moto.endpoint,
      );
    } finally {
      await cluster.stop();
    }

    const single = await startBenchServer({ name: "cluster-sqlite", dist: DIST, awsEndpoint: moto.endpoint });
    let alone: Figures;
    try {
      alone = await runEvent({ label: "1 instance (SQLite)", entry: single.base, boards: [{ node: "single", base: single.base }], pids: () => ({ single: single.pid() }) }, moto.endpoint);
    } finally {
      await single.stop();
    }

    process.stdout.write("\n");
    const c = report(clustered);
    const s = report(alone);
    const ratio = c.p95 / s.p95;
    process.stdout.write(
      `\nRESULT cluster cross-instance p95=${c.p95}ms lost=${c.lost}; single SQLite p95=${s.p95}ms lost=${s.lost}; ratio ${ratio.toFixed(2)}\n`,
    );
    const met = c.lost === 0 && c.p95 < 250;
    process.stdout.write(`target: 0 events lost and cross-instance p95 < 250 ms: ${met ? "met" : "MISSED"}\n`);
    process.exitCode = met ? 0 : 1;
  } finally {
    await moto.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
