import { describe, expect, it } from "vitest";
import { fail, sessionEndReason } from "@/lib/result";

describe("why a page lost its session", () => {
  const inAnHour = Date.now() + 3_600_000;
  const aMinuteAgo = Date.now() - 60_000;

  it("says the server restarted when the server never saw this session end", () => {
    expect(sessionEndReason(fail("not-signed-in", { why: "restarted" }), inAnHour)).toBe("restarted");
  });

  it("says expired only when the credentials did expire", () => {
    expect(sessionEndReason(fail("expired"), inAnHour)).toBe("expired");
    expect(sessionEndReason(fail("not-signed-in", { why: "expired" }), inAnHour)).toBe("expired");
    // No cookie came back: it expired with the credentials, or another tab signed out.
    expect(sessionEndReason(fail("not-signed-in", { why: "none" }), aMinuteAgo)).toBe("expired");
    expect(sessionEndReason(fail("not-signed-in", { why: "none" }), inAnHour)).toBe("signed-out");
  });

  it("tells invalid credentials and a sign-out elsewhere apart, and keeps the session for anything else", () => {
    expect(sessionEndReason(fail("invalid-credentials"), inAnHour)).toBe("invalid");
    expect(sessionEndReason(fail("not-signed-in", { why: "signed-out" }), inAnHour)).toBe("signed-out");
    expect(sessionEndReason(fail("server-unreachable"), inAnHour)).toBeNull();
    expect(sessionEndReason(fail("rate-limited", { seconds: 5 }), inAnHour)).toBeNull();
  });
});
