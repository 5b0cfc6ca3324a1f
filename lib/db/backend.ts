/**
 * Which store this process uses: PostgreSQL when DATABASE_URL names one (several instances
 * share it), else SQLite in DATA_DIR (one instance, nothing to set up). Read at each call so
 * tests can choose per file.
 */
export type Backend = { kind: "sqlite" } | { kind: "postgres"; url: string };

export function storeBackend(): Backend {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return { kind: "sqlite" };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("DATABASE_URL must be a postgres:// (or postgresql://) URL; leave it unset for SQLite in DATA_DIR");
  }
  // Every instance must hash an AWS account the same way (lib/db/account-key.ts): with a key
  // per DATA_DIR, the ledger, per-account caps and shared-account letters would not match
  // across instances, and a dead instance's attendees could not tear down on another.
  if (!process.env.HAJIME_ACCOUNT_KEY?.trim()) {
    throw new Error(
      "DATABASE_URL is set but HAJIME_ACCOUNT_KEY is not: give every instance the same key (openssl rand -base64 32); README, \"Big events\"",
    );
  }
  return { kind: "postgres", url };
}
