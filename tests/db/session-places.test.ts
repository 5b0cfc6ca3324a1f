import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processClaims, keepSession, sessionsFromAccessKey } from "@/lib/credentials/session-places";
import { forgetSession } from "@/lib/credentials/vault";
import { runShutdownHooks } from "@/server/hooks.mjs";
import { testSession } from "../support/session";
import { freshDatabase } from "./fresh-database";

// The process's own claims, as admission uses them: chosen by DATABASE_URL, told of every
// session end by the vault, withdrawn at shutdown before the pool closes.
let url: string;

async function claimCount(): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM session_claims")).rows[0].n;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  process.env.HAJIME_ACCOUNT_KEY = randomBytes(32).toString("base64");
  url = await freshDatabase();
  process.env.DATABASE_URL = url;
});

afterAll(() => {
  delete process.env.DATABASE_URL;
});

describe("this process's session claims (DATABASE_URL set)", () => {
  it("claims a place per kept session and frees it when the session ends", async () => {
    const claims = processClaims();
    expect(claims).toBeDefined();
    expect(processClaims()).toBe(claims);
    const [s1, s2] = [testSession("400000000001"), testSession("400000000001")];
    expect(await keepSession(s1, { total: 100, perAccount: 2 })).toBeUndefined();
    expect(await keepSession(s2, { total: 100, perAccount: 2 })).toBeUndefined();
    expect(await sessionsFromAccessKey("ASIA400000000001")).toBe(2);
    forgetSession(s1.id, "signed-out");
    await claims!.settled();
    expect(await sessionsFromAccessKey("ASIA400000000001")).toBe(1);
    expect(await claimCount()).toBe(1);
  });

  it("withdraws its claims at shutdown, before the pool closes", async () => {
    await keepSession(testSession("400000000002"), { total: 100, perAccount: 2 });
    expect(await claimCount()).toBe(2);
    await runShutdownHooks();
    expect(await claimCount()).toBe(0);
  });
});
