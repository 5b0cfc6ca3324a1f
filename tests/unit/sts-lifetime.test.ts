import { describe, expect, it } from "vitest";
import { MAX_LIFETIME_MS, sessionExpiry } from "@/lib/credentials/sts-lifetime";

const now = Date.UTC(2026, 10, 29, 10, 0, 0);
const HOUR = 3_600_000;

describe("session expiry", () => {
  it("keeps a pasted expiry STS could have issued", () => {
    expect(sessionExpiry("role", new Date(now + HOUR), now)).toEqual({ expiresAt: now + HOUR, clamped: false });
    expect(sessionExpiry("user", new Date(now + 30 * HOUR), now)).toEqual({ expiresAt: now + 30 * HOUR, clamped: false });
  });

  it("clamps a later one to the most STS issues for that kind of credentials", () => {
    const in2099 = new Date("2099-01-01T00:00:00Z");
    expect(sessionExpiry("role", in2099, now)).toEqual({ expiresAt: now + 12 * HOUR, clamped: true });
    expect(sessionExpiry("user", in2099, now)).toEqual({ expiresAt: now + 36 * HOUR, clamped: true });
    expect(sessionExpiry("federated", in2099, now)).toEqual({ expiresAt: now + 36 * HOUR, clamped: true });
    expect(sessionExpiry("root", new Date(now + 2 * HOUR), now)).toEqual({ expiresAt: now + HOUR, clamped: true });
  });

  it("bounds an unknown expiry (Identity Center copies) the same way", () => {
    expect(sessionExpiry("role", undefined, now).expiresAt).toBe(now + MAX_LIFETIME_MS.role);
  });
});
