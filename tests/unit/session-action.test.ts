import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The request's cookies: one jar per test (next/headers only works inside a request).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string | { name: string }) => void jar.delete(typeof name === "string" ? name : name.name),
  }),
  headers: async () => new Headers(),
}));

// What reaches the rooms: the wrapper's report, watched rather than written to a database.
const reported = vi.hoisted(() => [] as { accountId: string; ids: string[] }[]);
vi.mock("@/lib/aws/report", () => ({
  reportOutcomes: async (session: { identity: { accountId: string } }, outcomes: { id: string }[]) => {
    reported.push({ accountId: session.identity.accountId, ids: outcomes.map((o) => o.id) });
  },
}));

const { deadFailure, isSessionAction, sessionAction } = await import("@/lib/actions/session-action");
const { AWS_DEADLINES } = await import("@/lib/aws/deadlines");
const { fail, ok } = await import("@/lib/result");
const { SESSION_COOKIE } = await import("@/lib/credentials/cookie");
const { endReason, forgetSession, getSession, newSessionId, putSession } = await import("@/lib/credentials/vault");
type Session = import("@/lib/credentials/vault").Session;
const { testSession } = await import("../support/session");
type CheckOutcome = import("@/lib/aws/run").CheckOutcome;

let accounts = 300000000000;

/** A live session in the vault, its id in the request's cookie. */
function signedIn(): Session {
  const account = String(++accounts);
  const session = testSession(account);
  expect(putSession(session, { total: 1000, perAccount: 10 })).toBeUndefined();
  jar.set(SESSION_COOKIE, session.id);
  return session;
}

const outcome = (id: string, extra: Partial<CheckOutcome> = {}) =>
  ({ id, state: "done", checkedAt: Date.now(), ...extra }) as CheckOutcome;

/** An AWS SDK error as the SDK throws it (a name and a status). */
function sdkError(name: string, status = 403): Error {
  return Object.assign(new Error("from AWS, never shown"), { name, $metadata: { httpStatusCode: status } });
}

beforeEach(() => {
  jar.clear();
  reported.length = 0;
});

describe("sessionAction", () => {
  const echo = sessionAction({
    args: z.tuple([z.string().max(5)]),
    invalid: fail("invalid-input", { field: "word" }),
    rateLimit: "none",
    budget: "fixMs",
    run: async ({ args: [word], session, aws }) =>
      ok({ word, account: session.identity.accountId, awsAccount: aws().accountId, region: aws().region, budget: aws().deadline! - Date.now(), same: aws() === aws() }),
  });

  it("runs the body with the parsed arguments, the session and its AWS clients under the action's budget", async () => {
    const session = signedIn();
    const res = await echo("hello");
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({ word: "hello", account: session.identity.accountId, awsAccount: session.identity.accountId, region: session.region });
    expect(res.data.budget).toBeGreaterThan(AWS_DEADLINES.fixMs - 1_000);
    expect(res.data.budget).toBeLessThanOrEqual(AWS_DEADLINES.fixMs);
    expect(res.data.same).toBe(true);
    expect(isSessionAction(echo)).toBe(true);
    expect(isSessionAction(async () => ok(null))).toBe(false);
    forgetSession(session.id);
  });

  it("starts the budget when the body first asks for its clients (teardown waits for a removal first)", async () => {
    const session = signedIn();
    const started = Date.now();
    const waits = sessionAction({
      args: z.tuple([]),
      rateLimit: "none",
      budget: "teardownRemoveMs",
      run: async ({ aws }) => {
        await new Promise((r) => setTimeout(r, 60));
        return ok(aws().deadline!);
      },
    });
    const res = await waits();
    expect(res.ok && res.data - started).toBeGreaterThanOrEqual(AWS_DEADLINES.teardownRemoveMs + 50);
    forgetSession(session.id);
  });

  it("answers the action's own failure for input its schema refuses, before looking at the session", async () => {
    let ran = false;
    const action = sessionAction({
      args: z.tuple([z.string()]),
      invalid: fail("invalid-input", { field: "step" }),
      rateLimit: "none",
      budget: "checkMs",
      run: async () => ((ran = true), ok(null)),
    });
    // Without a session too: a bad input is said as such.
    expect(await (action as (...a: unknown[]) => Promise<unknown>)(42)).toEqual(fail("invalid-input", { field: "step" }));
    const session = signedIn();
    expect(await echo("far too long")).toEqual(fail("invalid-input", { field: "word" }));
    expect(await (echo as (...a: unknown[]) => Promise<unknown>)("a", "extra")).toEqual(fail("invalid-input", { field: "word" }));
    expect(ran).toBe(false);
    // The failure may depend on the issue (a step without a fix is "no-fix", not invalid).
    const picky = sessionAction({
      args: z.tuple([z.string().refine((s) => s !== "console-only", { message: "no-fix" })]),
      invalid: (error) => (error.issues[0]?.message === "no-fix" ? fail("no-fix") : fail("invalid-input")),
      rateLimit: "none",
      budget: "checkMs",
      run: async () => ok(null),
    });
    expect(await picky("console-only")).toEqual(fail("no-fix"));
    // Without a stated failure: invalid-input, field "input".
    const plain = sessionAction({ args: z.tuple([]), rateLimit: "none", budget: "no-aws", run: async () => ok(null) });
    expect(await (plain as (...a: unknown[]) => Promise<unknown>)("x")).toEqual(fail("invalid-input", { field: "input" }));
    forgetSession(session.id);
  });

  it("answers not-signed-in without a session, saying why it ended, and drops the stale cookie", async () => {
    expect(await echo("hi")).toEqual(fail("not-signed-in", { why: "none" }));

    const signedOut = signedIn();
    forgetSession(signedOut.id, "signed-out");
    expect(await echo("hi")).toEqual(fail("not-signed-in", { why: "signed-out" }));
    expect(jar.has(SESSION_COOKIE)).toBe(false);

    // A cookie this process never saw: the server restarted since.
    jar.set(SESSION_COOKIE, newSessionId());
    expect(await echo("hi")).toEqual(fail("not-signed-in", { why: "restarted" }));
    expect(jar.has(SESSION_COOKIE)).toBe(false);
  });

  it("takes a point from the check limit when it says so, and from no limit when it says none", async () => {
    const session = signedIn();
    let runs = 0;
    const limited = sessionAction({
      args: z.tuple([]),
      rateLimit: "checks",
      budget: "checkMs",
      run: async () => ok(++runs),
    });
    for (let i = 0; i < 30; i++) expect((await limited()).ok).toBe(true);
    const refused = await limited();
    expect(refused).toMatchObject({ ok: false, code: "rate-limited" });
    expect(refused.ok === false && Number(refused.params?.seconds)).toBeGreaterThan(0);
    expect(runs).toBe(30);
    // The same session's unlimited action still runs (teardown removals must finish).
    expect(await echo("still")).toMatchObject({ ok: true });
    forgetSession(session.id);
  });

  it("turns a throw into a failure value, never passing AWS's message on", async () => {
    const session = signedIn();
    const throwing = (error: unknown) =>
      sessionAction({
        args: z.tuple([]),
        rateLimit: "none",
        budget: "checkMs",
        run: async () => {
          throw error;
        },
      });
    expect(await throwing(sdkError("AccessDenied"))()).toMatchObject({ ok: false, code: "access-denied" });
    expect(await throwing(sdkError("ThrottlingException", 400))()).toMatchObject({ ok: false, code: "throttled" });
    const unexpected = await throwing(new TypeError("a bug"))();
    expect(unexpected.ok).toBe(false);
    expect(JSON.stringify(unexpected)).not.toContain("a bug");
    // "no-aws" declares an action without AWS calls: reaching for clients is a failure, not a crash.
    const noAws = sessionAction({ args: z.tuple([]), rateLimit: "none", budget: "no-aws", run: async ({ aws }) => ok(aws().region) });
    expect((await noAws()).ok).toBe(false);
    // None of these ended the session.
    expect(getSession(session.id)).toBeDefined();
    forgetSession(session.id);
  });

  it("ends the session when AWS says the credentials are dead, thrown or answered", async () => {
    const cases = [
      { run: async () => Promise.reject(sdkError("ExpiredToken")), code: "expired", why: "expired" },
      { run: async () => Promise.reject(sdkError("InvalidClientTokenId")), code: "invalid-credentials", why: "invalid" },
      { run: async () => fail("expired"), code: "expired", why: "expired" },
      { run: async () => deadFailure([outcome("root-mfa"), outcome("cloudtrail", { state: "unknown", failure: fail("invalid-credentials") })]) ?? ok(null), code: "invalid-credentials", why: "invalid" },
    ];
    for (const c of cases) {
      const session = signedIn();
      const action = sessionAction({ args: z.tuple([]), rateLimit: "none", budget: "checkMs", run: c.run, outcomes: () => [outcome("root-mfa")] });
      expect(await action()).toMatchObject({ ok: false, code: c.code });
      expect(getSession(session.id)).toBeUndefined();
      expect(endReason(session.id)).toBe(c.why);
      expect(jar.has(SESSION_COOKIE)).toBe(false);
      // The failure is not reported as progress.
      expect(reported).toEqual([]);
      // The next action says why the session ended.
      jar.set(SESSION_COOKIE, session.id);
      expect(await echo("next")).toEqual(fail("not-signed-in", { why: c.why }));
    }
  });

  it("keeps the session for failures that do not mean dead credentials", async () => {
    const session = signedIn();
    const action = sessionAction({ args: z.tuple([]), rateLimit: "none", budget: "checkMs", run: async () => fail("iam-refused-credentials") });
    expect(await action()).toEqual(fail("iam-refused-credentials"));
    expect(getSession(session.id)).toBeDefined();
    forgetSession(session.id);
  });

  it("reports the step outcomes of a successful answer for the attendee's room, and nothing for actions without outcomes", async () => {
    const session = signedIn();
    const checks = sessionAction({
      args: z.tuple([]),
      rateLimit: "none",
      budget: "checkMs",
      run: async () => ok([outcome("root-mfa"), outcome("password-policy", { state: "todo" })]),
      outcomes: (outcomes) => outcomes,
    });
    const res = await checks();
    expect(res.ok).toBe(true);
    expect(reported).toEqual([{ accountId: session.identity.accountId, ids: ["root-mfa", "password-policy"] }]);

    reported.length = 0;
    expect((await echo("quiet")).ok).toBe(true);
    const refused = sessionAction({ args: z.tuple([]), rateLimit: "none", budget: "checkMs", run: async () => fail("no-fix"), outcomes: () => [outcome("root-mfa")] });
    expect(await refused()).toEqual(fail("no-fix"));
    expect(reported).toEqual([]);
    forgetSession(session.id);
  });
});
