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
  return { kind: "postgres", url };
}
