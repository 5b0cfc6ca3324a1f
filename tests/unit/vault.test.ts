import { describe, expect, it } from "vitest";
import { endReason, forgetSession, getSession, newSessionId, onSessionEnd, putSession, sessionsWithAccessKey } from "@/lib/credentials/vault";
import { testSession as session } from "../support/session";


describe("credential vault", () => {
  it("refuses sessions beyond the total cap and the per-account cap", () => {
    const limits = { total: 3, perAccount: 2 };
    const a1 = session("100000000001");
    const a2 = session("100000000001");
    expect(putSession(a1, limits)).toBeUndefined();
    expect(putSession(a2, limits)).toBeUndefined();
    expect(putSession(session("100000000001"), limits)).toBe("account-full");
    expect(sessionsWithAccessKey("ASIA100000000001")).toBe(2);
    expect(putSession(session("100000000002"), limits)).toBeUndefined();
    expect(putSession(session("100000000003"), limits)).toBe("full");
    // A browser signing in again replaces its own session: it never counts twice.
    expect(putSession(session("100000000001"), limits, a1.id)).toBeUndefined();
    expect(getSession(a1.id)).toBeUndefined();
    for (const s of [a2]) forgetSession(s.id);
  });

  it("remembers why a session ended, and knows nothing of sessions it never held", () => {
    const limits = { total: 100, perAccount: 100 };
    const s = session("200000000001");
    putSession(s, limits);
    forgetSession(s.id, "signed-out");
    expect(endReason(s.id)).toBe("signed-out");
    const e = session("200000000002");
    putSession({ ...e, expiresAt: Date.now() - 1 }, limits);
    expect(getSession(e.id)).toBeUndefined();
    expect(endReason(e.id)).toBe("expired");
    // A cookie from before a restart: never held here.
    expect(endReason(newSessionId())).toBeUndefined();
  });

  it("tells its end listeners of every session that ends, once, whatever ends it", () => {
    const limits = { total: 100, perAccount: 100 };
    const ended: string[] = [];
    const stop = onSessionEnd((id) => ended.push(id));
    const [out, dead, replaced, late] = ["300000000001", "300000000002", "300000000003", "300000000004"].map((a) => session(a));
    for (const s of [out, dead, replaced]) putSession(s, limits);
    putSession({ ...late, expiresAt: Date.now() - 1 }, limits);
    forgetSession(out.id, "signed-out");
    forgetSession(out.id, "signed-out");
    forgetSession(dead.id, "invalid");
    const next = session("300000000003");
    putSession(next, limits, replaced.id);
    getSession(late.id);
    stop();
    forgetSession(next.id);
    expect(ended).toEqual([out.id, dead.id, replaced.id, late.id]);
  });
});
