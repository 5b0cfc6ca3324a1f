/**
 * Runs once when the server starts, outside any request: the scope long-lived timers are
 * made in (lib/lifecycle.ts), and the database opened now (migrations, and the log a
 * crashed predecessor left folded in), not on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { initRootScope } = await import("./lib/lifecycle");
  initRootScope();
  const { storeBackend } = await import("./lib/db/backend");
  const { LEDGER_MIGRATIONS, LEDGER_PG_MIGRATIONS } = await import("./lib/aws/ledger-schema");
  const { ROOMS_MIGRATIONS, ROOMS_PG_MIGRATIONS } = await import("./lib/rooms/migrations");
  // Every area's migrations at once, before the first request (lib/db imports no area).
  const backend = storeBackend();
  if (backend.kind === "postgres") {
    const { postgresDatabase } = await import("./lib/db/postgres");
    const { LIMITS_PG_MIGRATIONS } = await import("./lib/limits/schema");
    const { SESSIONS_PG_MIGRATIONS } = await import("./lib/credentials/session-claims-schema");
    // Through the pool the app uses, which remembers the areas done: no request migrates again.
    await postgresDatabase(backend.url, [...LEDGER_PG_MIGRATIONS, ...ROOMS_PG_MIGRATIONS, ...LIMITS_PG_MIGRATIONS, ...SESSIONS_PG_MIGRATIONS]).ready();
    return;
  }
  const { openSharedDatabase } = await import("./lib/db/open");
  openSharedDatabase([...LEDGER_MIGRATIONS, ...ROOMS_MIGRATIONS]);
}
