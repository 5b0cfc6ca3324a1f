import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrations";
import { ROOMS_MIGRATIONS } from "@/lib/rooms/migrations";
import { SqliteRoomStore } from "@/lib/rooms/store-sqlite";

// The store's behaviour, on SQLite and PostgreSQL alike: tests/db/rooms-store.contract.ts. Here:
// SQLite's own migrations and what its files hold.
const clock = 1_700_000_000_000;
const now = () => clock;

function memoryStore() {
  const db = openDatabase(":memory:", ROOMS_MIGRATIONS);
  return { db, store: new SqliteRoomStore(db, now) };
}

/** A distinct account per nickname, as when every attendee brings their own. */
const acct = (nickname: string) => `acct-${nickname}`;

const newRoom = {
  title: "JAWS-UG 初心者支部 #60",
  date: "2026-11-14",
  language: "ja" as const,
  steps: ["password-policy", "root-access-keys", "root-mfa", "teardown"] as const,
};

describe("rooms migrations", () => {
  it("creates the tables once and records the version", async () => {
    const db = new Database(":memory:");
    migrate(db, ROOMS_MIGRATIONS);
    migrate(db, ROOMS_MIGRATIONS);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["rooms", "attendees", "progress", "schema_migrations"]));
    expect(db.prepare("SELECT area, version FROM schema_migrations").all()).toEqual([
      { area: "rooms", version: 1 },
      { area: "rooms", version: 2 },
      { area: "rooms", version: 3 },
    ]);
  });

  it("gives rooms made before workshops existed the first workshop, and keeps a new room's choice", async () => {
    const db = new Database(":memory:");
    migrate(db, ROOMS_MIGRATIONS.slice(0, 2));
    db.prepare(
      `INSERT INTO rooms (code, title, date, language, steps, organizer_key_hash, max_attendees, stuck_minutes, created_at)
       VALUES ('ABCDEF', 'old', '2026-11-01', 'ja', '["password-policy","teardown"]', 'x', 10, 10, 0)`,
    ).run();
    migrate(db, ROOMS_MIGRATIONS);
    const store = new SqliteRoomStore(db);
    expect(await store.info("ABCDEF")).toMatchObject({ workshop: "account-security", steps: ["password-policy", "teardown"] });
    const { room } = await store.createRoom({ title: "new", date: "2026-11-29", language: "en", workshop: "account-security", steps: ["teardown", "root-mfa"] });
    expect(await store.info(room.code)).toMatchObject({ workshop: "account-security", steps: ["root-mfa", "teardown"] });
  });

  it("stores no account id, ARN or credential column", async () => {
    const { db } = memoryStore();
    const columns = ["rooms", "attendees", "progress"].flatMap((t) =>
      (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name),
    );
    expect(columns.filter((c) => /account_id|arn|secret|session|access_key/i.test(c))).toEqual([]);
  });
});

describe("RoomStore on disk (WAL)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hajime-rooms-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves no nickname bytes in any database file once a room is closed or an attendee removed", async () => {
    const path = join(dir, "hajime.db");
    const db = openDatabase(path, ROOMS_MIGRATIONS);
    const store = new SqliteRoomStore(db, now);
    const { room } = await store.createRoom(newRoom);
    const names = ["Zebracanary", "ゆきうさぎ", "Removedcanary"];
    const ids: number[] = [];
    for (const n of names) {
      const j = await store.join(room.code, n, acct(n));
      if (!j.ok) throw new Error("join failed");
      await store.recordDone(j.attendee.id, ["root-mfa"], acct(n));
      ids.push(j.attendee.id);
    }
    const files = () => readdirSync(dir).filter((f) => f.startsWith("hajime.db")).map((f) => readFileSync(join(dir, f)));
    const needles = names.flatMap((n) => [n, n.normalize("NFKC").toLowerCase()]).map((n) => Buffer.from(n, "utf8"));
    const found = () => needles.filter((needle) => files().some((bytes) => bytes.includes(needle))).map((b) => b.toString("utf8"));
    // The test can fail: before deleting, the names are there.
    expect(found().length).toBeGreaterThan(0);

    await store.removeAttendee(room.code, ids[2]);
    expect(found().filter((n) => n.toLowerCase().startsWith("removed"))).toEqual([]);
    await store.close(room.code);
    expect(found()).toEqual([]);
    db.close();
  });

  it("keeps everything across a reopen, without running migrations twice", async () => {
    const path = join(dir, "hajime.db");
    const db1 = openDatabase(path, ROOMS_MIGRATIONS);
    expect(db1.pragma("journal_mode", { simple: true })).toBe("wal");
    const s1 = new SqliteRoomStore(db1, now);
    const { room } = await s1.createRoom(newRoom);
    const j = await s1.join(room.code, "さくら", "k");
    if (!j.ok) throw new Error("join failed");
    await s1.recordDone(j.attendee.id, ["root-mfa"], "k");
    // No close(): as after a crash, the WAL holds the last transactions.
    const s2 = new SqliteRoomStore(openDatabase(path, ROOMS_MIGRATIONS), now);
    expect(await s2.attendees(room.code)).toEqual([{ id: j.attendee.id, nickname: "さくら", joinedAt: clock, done: { "root-mfa": clock } }]);
    db1.close();
  });
});
