/**
 * Runs once when the server starts: open the database now (migrations, and the log a
 * crashed predecessor left folded in), not on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openSharedDatabase } = await import("./lib/db/open");
  openSharedDatabase();
}
