import type Database from "better-sqlite3";

/**
 * Versioned migrations, numbered per area ("rooms", "ledger", …) so that areas evolve
 * independently. Applied in order, each in a transaction, recorded in schema_migrations.
 */
export type Migration = { area: string; version: number; up: string | ((db: Database.Database) => void) };

/**
 * Migrations grouped by area, each area's in version order; throws unless an area's versions
 * are exactly 1..n (SQLite's and PostgreSQL's migrations alike).
 */
export function byAreaInOrder<M extends { area: string; version: number }>(migrations: readonly M[]): Map<string, M[]> {
  const byArea = new Map<string, M[]>();
  for (const m of migrations) byArea.set(m.area, [...(byArea.get(m.area) ?? []), m]);
  for (const [area, list] of byArea) {
    list.sort((a, b) => a.version - b.version);
    list.forEach((m, i) => {
      if (m.version !== i + 1) throw new Error(`migrations for ${area} must be numbered 1..n (found ${m.version})`);
    });
  }
  return byArea;
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    area TEXT NOT NULL,
    version INTEGER NOT NULL,
    applied_at INTEGER NOT NULL,
    PRIMARY KEY (area, version)
  )`);
  const applied = new Set(
    (db.prepare("SELECT area, version FROM schema_migrations").all() as { area: string; version: number }[]).map(
      (r) => `${r.area}:${r.version}`,
    ),
  );
  for (const [area, sorted] of byAreaInOrder(migrations)) {
    for (const m of sorted) {
      if (applied.has(`${area}:${m.version}`)) continue;
      db.transaction(() => {
        if (typeof m.up === "string") db.exec(m.up);
        else m.up(db);
        db.prepare("INSERT INTO schema_migrations (area, version, applied_at) VALUES (?, ?, ?)").run(area, m.version, Date.now());
      })();
    }
  }
}
