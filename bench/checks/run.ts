/**
 * bench/checks: "check all" (every step's check in parallel, as the page runs it) against
 * the same checks run one after another. Both go to moto_server behind a proxy that adds
 * 50 ms to every AWS call, like a real region's round trip. Prints the ratio
 * parallel / sequential (target: at most 0.35).
 *
 *   npm run bench:checks [-- --rounds 7 --delay 50]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createAws } from "@/lib/aws/clients";
import { REGISTRY } from "@/lib/aws/registry";
import { runCheck, runChecks } from "@/lib/aws/run";
import { newAttendee, startMoto } from "../../tests/support/moto";
import { startLatencyProxy } from "../support/latency-proxy";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, delay: { type: "string", default: "50" } },
});
const rounds = Number(values.rounds);
const delay = Number(values.delay);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const moto = await startMoto({ managedPolicies: true });
  const proxy = await startLatencyProxy(moto.endpoint, delay);
  try {
    process.env.AWS_ENDPOINT_URL = proxy.endpoint;
    const keys = await newAttendee(moto.endpoint);
    // A fresh set of clients per run, as each server action builds its own.
    const clients = () => createAws({ keys, region: "ap-northeast-1", accountId: keys.accountId });
    const steps = REGISTRY;

    const sequential = async () => {
      const aws = clients();
      for (const step of steps) await runCheck(step, aws);
    };
    const parallel = async () => {
      await runChecks(steps, clients());
    };

    // Warm-up: moto loads the account's managed policies on first use; sockets open.
    await sequential();
    await parallel();

    const seq: number[] = [];
    const par: number[] = [];
    let callsPerRun = 0;
    for (let i = 0; i < rounds; i++) {
      // Alternate the order so drift on a shared machine hits both sides alike.
      for (const [fn, into] of (i % 2 === 0 ? [[sequential, seq], [parallel, par]] : [[parallel, par], [sequential, seq]]) as [() => Promise<void>, number[]][]) {
        const before = proxy.calls();
        const t0 = performance.now();
        await fn();
        into.push(performance.now() - t0);
        callsPerRun = proxy.calls() - before;
      }
    }

    const s = median(seq);
    const p = median(par);
    const outcomes = await runChecks(steps, clients());
    const failed = outcomes.filter((o) => o.failure).map((o) => `${o.id}:${o.failure?.code}`);
    console.log(`bench/checks: ${steps.length} checks (${steps.map((x) => x.id).join(", ")})`);
    console.log(`  AWS calls per "check all": ${callsPerRun}, added latency per call: ${delay} ms, rounds: ${rounds}`);
    console.log(`  sequential median: ${s.toFixed(0)} ms   (all: ${seq.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(`  parallel   median: ${p.toFixed(0)} ms   (all: ${par.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(`  ratio parallel/sequential: ${(p / s).toFixed(3)}  (target ≤ 0.35: ${p / s <= 0.35 ? "met" : "NOT met"})`);
    if (failed.length) console.log(`  checks that failed (should be none): ${failed.join(", ")}`);
  } finally {
    await proxy.close();
    await moto.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
