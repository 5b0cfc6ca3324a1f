import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { nicknameKey } from "@/lib/rooms/model";
import { STEP_IDS } from "@/lib/workshop/catalog";

/**
 * Fills a room with attendees straight in the test server's SQLite database (rows as
 * lib/rooms/store.ts writes them), so that a board of 100 can be looked at without 100
 * browsers, and some of them stuck without waiting 10 minutes. The store itself cannot be
 * imported here: lib/rooms/secrets.ts is server-only. Pages read rooms from the database on
 * every load, so a board opened (or reloaded) afterwards shows them.
 */
export function seedAttendees(
  code: string,
  opts: { count: number; stuck: number; finished: number; name: (i: number) => string },
): void {
  const artifacts = process.env.E2E_ARTIFACTS;
  if (!artifacts) throw new Error("E2E_ARTIFACTS is not set");
  const db = new Database(join(artifacts, "data", "hajime.db"));
  db.pragma("busy_timeout = 5000");
  try {
    const room = db.prepare("SELECT id FROM rooms WHERE code = ?").get(code) as { id: number } | undefined;
    if (!room) throw new Error(`no room ${code}`);
    const now = Date.now();
    const minute = 60_000;
    const addAttendee = db.prepare(
      "INSERT INTO attendees (room_id, nickname, nickname_key, token_hash, account_key, joined_at) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const addProgress = db.prepare("INSERT INTO progress (attendee_id, step, done_at) VALUES (?, ?, ?)");
    db.transaction(() => {
      for (let i = 0; i < opts.count; i++) {
        const stuck = i < opts.stuck;
        const finished = !stuck && i < opts.stuck + opts.finished;
        // Stuck: joined 40 minutes ago, last step verified 12 minutes ago or more. The others
        // joined within 8 minutes and verified their last step within the last few minutes.
        const joinedAt = stuck ? now - 40 * minute : now - (1 + (i % 8)) * minute;
        const name = opts.name(i);
        const { lastInsertRowid } = addAttendee.run(room.id, name, nicknameKey(name), randomBytes(32).toString("hex"), `seed-${i}`, joinedAt);
        const steps = finished ? STEP_IDS.length : (i * 7) % (STEP_IDS.length - 1);
        for (let s = 0; s < steps; s++) {
          const at = stuck ? Math.min(now - (30 - s) * minute, now - 12 * minute) : now - (steps - s) * 20_000;
          addProgress.run(Number(lastInsertRowid), STEP_IDS[s], Math.max(at, joinedAt));
        }
      }
      db.prepare("UPDATE rooms SET started_at = COALESCE(started_at, ?) WHERE id = ?").run(now - 45 * minute, room.id);
    })();
  } finally {
    db.close();
  }
}
