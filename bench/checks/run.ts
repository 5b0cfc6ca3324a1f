/**
 * bench/checks: "check all" (every step's check in parallel, as the page runs it) against
 * the same checks run one after another. Both go to moto_server, behind the stricter AWS
 * stand-in, behind a proxy that adds 50 ms to every AWS request, like a real region's round
 * trip. Prints the AWS requests one "check all" makes (by service) and the ratio
 * parallel / sequential (target: at most 0.20).
 *
 *   npm run bench:checks [-- --rounds 7 --delay 50]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createAws } from "@/lib/aws/clients";
import { AWS_DEADLINES } from "@/lib/aws/deadlines";
import { REGISTRY } from "@/lib/aws/registry";
import { generate } from "otplib";
import { ledgerForAccount } from "@/lib/aws/ledger-store";
import { runCheck, runChecks, runFix } from "@/lib/aws/run";
import { stepById } from "@/lib/aws/registry";
import { startVirtualMfa } from "@/workshops/account-security/steps/user-mfa/server";
import { timing } from "@/workshops/account-security/steps/sample-findings/server";
import { newAttendee, startMoto } from "../../tests/support/moto";
import { startStrictAws } from "../../tests/support/strict-aws/server";
import { startLatencyProxy } from "../support/latency-proxy";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, delay: { type: "string", default: "50" } },
});
const rounds = Number(values.rounds);
const delay = Number(values.delay);
const TARGET = 0.2;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  // Step 10's check reads the ledger (SQLite): a scratch folder, not ./data.
  const dataDir = mkdtempSync(join(tmpdir(), "hajime-bench-checks-"));
  process.env.DATA_DIR = dataDir;
  const moto = await startMoto({ managedPolicies: true });
  const strict = await startStrictAws({ moto: moto.endpoint });
  const proxy = await startLatencyProxy(strict.endpoint, delay);
  try {
    process.env.AWS_ENDPOINT_URL = proxy.endpoint;
    const keys = await newAttendee(moto.endpoint);
    // One Aws per run, as each server action gets its own (with the "check all" budget).
    const aws = () => createAws({ keys, region: "ap-northeast-1", accountId: keys.accountId }, { budgetMs: AWS_DEADLINES.checkMs });
    const steps = REGISTRY;

    const sequential = async () => {
      const one = aws();
      for (const step of steps) await runCheck(step, one);
    };
    const parallel = async () => {
      await runChecks(steps, aws());
    };

    // Warm-up: moto loads the account's managed policies on first use; sockets open.
    await sequential();
    await parallel();

    const seq: number[] = [];
    const par: number[] = [];
    const calls = { sequential: 0, parallel: 0 };
    let byService: Record<string, number> = {};
    for (let i = 0; i < rounds; i++) {
      // Alternate the order so drift on a shared machine hits both sides alike.
      const order: ["sequential" | "parallel", () => Promise<void>, number[]][] = [
        ["sequential", sequential, seq],
        ["parallel", parallel, par],
      ];
      if (i % 2 === 1) order.reverse();
      for (const [name, fn, into] of order) {
        const before = proxy.calls();
        const services = proxy.byService();
        const t0 = performance.now();
        await fn();
        into.push(performance.now() - t0);
        calls[name] = proxy.calls() - before;
        if (name === "parallel") {
          byService = Object.fromEntries(Object.entries(proxy.byService()).map(([k, v]) => [k, v - (services[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
        }
      }
    }

    const s = median(seq);
    const p = median(par);
    const outcomes = await runChecks(steps, aws());
    const failed = outcomes.filter((o) => o.failure).map((o) => `${o.id}:${o.failure?.code}`);
    const services = Object.entries(byService).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ");
    console.log(`bench/checks: ${steps.length} checks (${steps.map((x) => x.id).join(", ")})`);
    console.log(`  AWS requests per "check all": ${calls.parallel} (${services}); one after another: ${calls.sequential}`);
    console.log(`  added latency per request: ${delay} ms, rounds: ${rounds}`);
    console.log(`  sequential median: ${s.toFixed(0)} ms   (all: ${seq.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(`  parallel   median: ${p.toFixed(0)} ms   (all: ${par.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(`  ratio parallel/sequential: ${(p / s).toFixed(3)}  (target ≤ ${TARGET.toFixed(2)}: ${p / s <= TARGET ? "met" : "NOT met"})`);
    if (failed.length) console.log(`  checks that failed (should be none): ${failed.join(", ")}`);

    // The same account once steps 3–9 are done (1 and 2 are done in moto): what a
    // "check all" costs at the end of the hands-on, each step's state read live.
    await finishSteps3to9(keys);
    await runChecks(steps, aws());
    const before = proxy.calls();
    const services0 = proxy.byService();
    const done = await runChecks(steps, aws());
    const doneServices = Object.entries(proxy.byService())
      .map(([k, v]) => [k, v - (services0[k] ?? 0)] as const)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    const states = done.map((o) => (o.state === "done" ? "✓" : o.state === "todo" ? "·" : "?")).join("");
    console.log(`  after steps 3–9 are done (${states}): ${proxy.calls() - before} AWS requests per "check all" (${doneServices})`);
  } finally {
    await proxy.close();
    await strict.stop();
    await moto.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Steps 3–9 through their fixes, as an attendee would by the end of the hands-on. */
async function finishSteps3to9(keys: Awaited<ReturnType<typeof newAttendee>>) {
  const aws = createAws({ keys, region: "ap-northeast-1", accountId: keys.accountId });
  const ctx = { ledger: ledgerForAccount(keys.accountId) };
  timing.pollMs = 100;
  const fix = async (id: Parameters<typeof stepById>[0], input: unknown) => {
    const res = await runFix(stepById(id)!, aws, input, ctx);
    if (!res.ok) throw new Error(`${id}: ${res.code}`);
  };
  await fix("password-policy", {});
  await fix("admin-group", {});
  await fix("iam-user", { userName: "bench-user", password: "Hajime-Bench-Passw0rd!" });
  const started = await startVirtualMfa(aws, "bench-user");
  if (!started.ok || started.data.state !== "created") throw new Error("user-mfa: no device");
  const now = Date.now() / 1000;
  const { serialNumber, secret } = started.data;
  await fix("user-mfa", { userName: "bench-user", serialNumber, code1: await generate({ secret, epoch: now - 30 }), code2: await generate({ secret, epoch: now }) });
  await fix("cloudtrail", { bucketName: `hajime-bench-${Date.now()}`, trailName: "hajime-trail", acknowledgeCost: true });
  await fix("guardduty", {});
  await fix("sample-findings", {});
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
