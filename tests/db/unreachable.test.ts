import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { postgresDatabase } from "@/lib/db/postgres";
import { SessionClaims } from "@/lib/credentials/session-claims";
import { SESSIONS_PG_MIGRATIONS } from "@/lib/credentials/session-claims-schema";
import { keepSession, sessionsFromAccessKey } from "@/lib/credentials/session-places";
import { forgetSession } from "@/lib/credentials/vault";
import { createRateLimits } from "@/lib/limits/rate";
import { freePort } from "../support/moto";
import { testSession } from "../support/session";

// PostgreSQL out of reach (a closed port): limits and caps fall back to this instance's memory
// rather than refusing everyone.
let url: string;

beforeAll(async () => {
  process.env.HAJIME_ACCOUNT_KEY = randomBytes(32).toString("base64");
  url = `postgres://hajime@127.0.0.1:${await freePort()}/gone`;
});

describe("with the database unreachable", () => {
  it("rate limits still hold, per instance", async () => {
    const limits = createRateLimits({ kind: "postgres", url });
    for (let i = 0; i < 10; i++) expect(await limits.take("organizerKey", "203.0.113.9")).toBeUndefined();
    expect(await limits.over("organizerKey", "203.0.113.9")).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await limits.take("organizerKey", "203.0.113.9")).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await limits.take("organizerKey", "203.0.113.10")).toBeUndefined();
  });

  it("sign-ins are kept with this instance's own session counts", async () => {
    const claims = new SessionClaims(postgresDatabase(url, SESSIONS_PG_MIGRATIONS));
    const session = testSession("300000000001");
    expect(await claims.withAccessKey(session.keys.accessKeyId)).toBeUndefined();
    expect(await sessionsFromAccessKey(session.keys.accessKeyId, claims)).toBe(0);
    expect(await keepSession(session, { total: 100, perAccount: 1 }, undefined, claims)).toBeUndefined();
    expect(await sessionsFromAccessKey(session.keys.accessKeyId, claims)).toBe(1);
    expect(await keepSession(testSession("300000000001"), { total: 100, perAccount: 1 }, undefined, claims)).toBe("account-full");
    forgetSession(session.id);
    await expect(claims.beat()).rejects.toThrow();
  });
});
