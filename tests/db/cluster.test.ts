import { beforeAll, describe, expect, it } from "vitest";
import { queryOnce } from "../support/postgres";
import { freshDatabase } from "./fresh-database";

describe("the db project's cluster", () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  it("gives this file a database of its own, UTF-8, on 127.0.0.1", async () => {
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/t_[0-9a-f]{12}$/);
    const [row] = await queryOnce<{ one: number; db: string; encoding: string }>(
      url,
      "SELECT 1 AS one, current_database() AS db, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
    );
    expect(row).toEqual({ one: 1, db: new URL(url).pathname.slice(1), encoding: "UTF8" });
  });

  it("runs without durability, for speed", async () => {
    const rows = await queryOnce<{ name: string; setting: string }>(
      url,
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name",
    );
    expect(rows.map((r) => `${r.name}=${r.setting}`)).toEqual(["fsync=off", "full_page_writes=off", "synchronous_commit=off"]);
  });

  it("gives another call another database", async () => {
    const other = await freshDatabase();
    expect(other).not.toBe(url);
    await queryOnce(url, "CREATE TABLE mine (x int)");
    const [row] = await queryOnce<{ n: string }>(other, "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'mine'");
    expect(row.n).toBe("0");
  });
});
