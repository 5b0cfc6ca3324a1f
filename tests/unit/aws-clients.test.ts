import { describe, expect, it } from "vitest";
import { AwsDeadlineExceeded, createAws, IDLE_CLIENTS_MS, releaseIdleClients, withDeadline } from "@/lib/aws/clients";
import { toFailure } from "@/lib/aws/errors";
import { endsSession } from "@/lib/result";

const keys = (id: string) => ({ accessKeyId: `ASIA${id.padEnd(16, "X")}`, secretAccessKey: "s".repeat(40), sessionToken: `token-${id}` });
const target = (k: ReturnType<typeof keys>, region = "ap-northeast-1") => ({ keys: k, region, accountId: "111122223333" });

describe("AWS did not answer in time (issue 12)", () => {
  it("a deadline passed, or an HTTP timeout on the last attempt, is aws-timeout, which keeps the session", () => {
    const aborted = Object.assign(new Error("Request aborted"), { name: "AbortError", cause: new AwsDeadlineExceeded() });
    const idle = Object.assign(new Error("socket timed out after 6000 ms of inactivity"), { name: "TimeoutError" });
    const request = Object.assign(new Error("requestTimeout"), { name: "TimeoutError", code: "ETIMEDOUT" });
    for (const error of [new AwsDeadlineExceeded(), aborted, idle, request]) {
      const failure = toFailure(error);
      expect(failure).toEqual({ ok: false, code: "aws-timeout" });
      expect(endsSession(failure)).toBe(false);
    }
    // A refused connection is the network, not AWS being slow; an abort that is not a deadline says nothing.
    expect(toFailure(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toEqual({ ok: false, code: "network", params: { reason: "ECONNREFUSED" } });
    expect(toFailure(Object.assign(new Error("x"), { name: "AbortError" })).code).toBe("unexpected");
  });

  it("a call that never answers is given up at its deadline, and its signal aborts what is under way", async () => {
    let signal: AbortSignal | undefined;
    const never = withDeadline(Date.now() + 50, (s) => {
      signal = s;
      return new Promise(() => undefined);
    });
    await expect(never).rejects.toBeInstanceOf(AwsDeadlineExceeded);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(AwsDeadlineExceeded);
  });

  it("once the action's deadline has passed, no call is sent at all", async () => {
    let sent = false;
    const late = withDeadline(Date.now() - 1, async () => {
      sent = true;
    });
    await expect(late).rejects.toBeInstanceOf(AwsDeadlineExceeded);
    expect(sent).toBe(false);
  });

  it("a call that answers in time is answered, and its signal never fires", async () => {
    let signal: AbortSignal | undefined;
    await expect(withDeadline(Date.now() + 5_000, async (s) => ((signal = s), "answer"))).resolves.toBe("answer");
    expect(signal?.aborted).toBe(false);
  });
});

describe("SDK clients kept per set of keys (issue 12)", () => {
  it("are made once for the same keys, whatever the action, and lent with each action's deadline", async () => {
    const k = keys("A");
    const first = createAws(target(k), { budgetMs: 10_000 });
    const second = createAws(target(k), { budgetMs: 10_000 });
    // Each action gets its own view (its deadline) of one shared client.
    expect(first.iam).not.toBe(second.iam);
    expect(Object.getPrototypeOf(first.iam)).toBe(Object.getPrototypeOf(second.iam));
    expect(Object.getPrototypeOf(first.guarddutyIn("us-west-2"))).toBe(Object.getPrototypeOf(second.guarddutyIn("us-west-2")));
    expect(first.deadline).toBeGreaterThan(Date.now());
    expect(createAws(target(k)).deadline).toBeUndefined();
  });

  it("are never shared between two sets of keys: each signs with its own", async () => {
    const a = createAws(target(keys("A")));
    const b = createAws(target(keys("B")));
    expect(Object.getPrototypeOf(a.iam)).not.toBe(Object.getPrototypeOf(b.iam));
    const credentialsOf = async (aws: typeof a) => (await (aws.iam.config.credentials as () => Promise<{ accessKeyId: string }>)()).accessKeyId;
    expect(await credentialsOf(a)).toBe(keys("A").accessKeyId);
    expect(await credentialsOf(b)).toBe(keys("B").accessKeyId);
  });

  it("are let go once unused for a while, and made again on the next action", () => {
    const k = keys("D");
    const before = Object.getPrototypeOf(createAws(target(k)).iam);
    releaseIdleClients(Date.now() + IDLE_CLIENTS_MS / 2);
    expect(Object.getPrototypeOf(createAws(target(k)).iam)).toBe(before);
    releaseIdleClients(Date.now() + IDLE_CLIENTS_MS + 1_000);
    const after = createAws(target(k));
    expect(Object.getPrototypeOf(after.iam)).not.toBe(before);
    // Caches keyed on the credentials (account-facts.ts) outlive the clients.
    expect(after.credentialScope).toBe(createAws(target(k)).credentialScope);
  });

  it("follow the session's Region, IAM staying in us-east-1", async () => {
    const k = keys("C");
    const tokyo = createAws(target(k, "ap-northeast-1"));
    const osaka = createAws(target(k, "ap-northeast-3"));
    expect(await tokyo.guardduty.config.region()).toBe("ap-northeast-1");
    expect(await osaka.guardduty.config.region()).toBe("ap-northeast-3");
    expect(await osaka.iam.config.region()).toBe("us-east-1");
  });
});
