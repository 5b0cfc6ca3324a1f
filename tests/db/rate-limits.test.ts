import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresPool } from "@/lib/db/postgres";
import { createRateLimits, type RateLimits } from "@/lib/limits/rate";
import { freshDatabase } from "./fresh-database";

// Two "instances": two limiter sets over one database.
let url: string;
let a: RateLimits;
let b: RateLimits;

beforeAll(async () => {
  process.env.HAJIME_ACCOUNT_KEY = randomBytes(32).toString("base64");
  url = await freshDatabase();
  a = createRateLimits({ kind: "postgres", url });
  b = createRateLimits({ kind: "postgres", url });
});

afterAll(async () => {
  await postgresPool(url).end();
});

describe("rate limits in PostgreSQL", () => {
  it("two instances count against one total", async () => {
    // Wrong organizer keys: 10 a minute per address.
    const address = "203.0.113.7";
    for (let i = 0; i < 6; i++) expect(await a.take("organizerKey", address)).toBeUndefined();
    for (let i = 0; i < 4; i++) expect(await b.take("organizerKey", address)).toBeUndefined();
    expect(await b.over("organizerKey", address)).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await a.over("organizerKey", address)).toMatchObject({ ok: false, code: "rate-limited" });
    const refused = await a.take("organizerKey", address);
    expect(refused).toMatchObject({ ok: false, code: "rate-limited" });
    expect(refused?.params?.seconds).toBeGreaterThanOrEqual(1);
    expect(refused?.params?.seconds).toBeLessThanOrEqual(60);
    // Another address, and another limit for the same address, are not affected.
    expect(await b.take("organizerKey", "203.0.113.8")).toBeUndefined();
    expect(await b.take("create", address)).toBeUndefined();
  });

  it("keeps keyed hashes, never the addresses or keys it was given", async () => {
    await a.take("badCode", "198.51.100.23");
    await a.take("checks", "attendee:a1b2c3");
    const { rows } = await postgresPool(url).query<{ key: string }>("SELECT key FROM rate_limits");
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).toMatch(/^[A-Za-z]+:[A-Za-z0-9_-]{32}$/);
      expect(key).not.toMatch(/198\.51|203\.0|attendee/);
    }
  });
});
