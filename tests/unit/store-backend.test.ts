import { afterEach, describe, expect, it, vi } from "vitest";
import { storeBackend } from "@/lib/db/backend";

describe("storeBackend", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is SQLite in DATA_DIR without DATABASE_URL", () => {
    vi.stubEnv("DATABASE_URL", "");
    expect(storeBackend()).toEqual({ kind: "sqlite" });
  });

  it("is PostgreSQL with a postgres:// URL and the shared account key", () => {
    vi.stubEnv("DATABASE_URL", "postgres://hajime@db.internal:5432/hajime");
    vi.stubEnv("HAJIME_ACCOUNT_KEY", "9rC7d0yHk9bVv4mQ2Hq3c1zq2k8mS3v0eXy1oQ4lT5s=");
    expect(storeBackend()).toEqual({ kind: "postgres", url: "postgres://hajime@db.internal:5432/hajime" });
  });

  it("refuses PostgreSQL without HAJIME_ACCOUNT_KEY: instances would hash one AWS account differently", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://hajime@db.internal/hajime");
    vi.stubEnv("HAJIME_ACCOUNT_KEY", "");
    expect(() => storeBackend()).toThrow(/HAJIME_ACCOUNT_KEY/);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", () => {
    vi.stubEnv("DATABASE_URL", "sqlite:./data/hajime.db");
    expect(() => storeBackend()).toThrow(/postgres:\/\//);
  });
});
