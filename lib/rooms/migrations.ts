import type { Migration } from "@/lib/db/migrations";
import type { PgMigration } from "@/lib/db/postgres";

/**
 * The "rooms" area of the database. Attendees hold a nickname, a hash of their cookie
 * token and a keyed hash of their AWS account (accountKey): never an account id or ARN.
 * Progress is one row per (attendee, step): when a check first verified that step.
 */
export const ROOMS_MIGRATIONS: readonly Migration[] = [
  {
    area: "rooms",
    version: 1,
    up: `
      CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        language TEXT NOT NULL,
        steps TEXT NOT NULL,
        organizer_key_hash TEXT NOT NULL,
        max_attendees INTEGER NOT NULL,
        stuck_minutes INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0,
        announcement TEXT,
        announced_at INTEGER,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        exported_at INTEGER,
        closed_at INTEGER,
        closing_summary TEXT
      );
      CREATE TABLE attendees (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        nickname TEXT NOT NULL,
        nickname_key TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        account_key TEXT,
        joined_at INTEGER NOT NULL,
        UNIQUE (room_id, nickname_key)
      );
      CREATE INDEX attendees_by_account ON attendees (room_id, account_key);
      CREATE TABLE progress (
        attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
        step TEXT NOT NULL,
        done_at INTEGER NOT NULL,
        PRIMARY KEY (attendee_id, step)
      ) WITHOUT ROWID;
    `,
  },
  {
    // A seat is taken only with credentials STS accepted: each attendee's account is known
    // at join, and a room admits at most max_per_account attendees per AWS account.
    area: "rooms",
    version: 2,
    up: `ALTER TABLE rooms ADD COLUMN max_per_account INTEGER NOT NULL DEFAULT 3;`,
  },
  {
    // Rooms carry a workshop (workshops/index.ts); rooms made before there was a choice ran
    // the first one.
    area: "rooms",
    version: 3,
    up: `ALTER TABLE rooms ADD COLUMN workshop TEXT NOT NULL DEFAULT 'account-security';`,
  },
];

/**
 * The same area in PostgreSQL (DATABASE_URL, several instances): the schema SQLite reached
 * after its migrations, in one step. Times are epoch milliseconds (BIGINT, read as numbers:
 * lib/db/postgres.ts); `locked` is a boolean.
 */
export const ROOMS_PG_MIGRATIONS: readonly PgMigration[] = [
  {
    area: "rooms",
    version: 1,
    up: `
      CREATE TABLE rooms (
        id BIGSERIAL PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        language TEXT NOT NULL,
        workshop TEXT NOT NULL,
        steps TEXT NOT NULL,
        organizer_key_hash TEXT NOT NULL,
        max_attendees INTEGER NOT NULL,
        max_per_account INTEGER NOT NULL,
        stuck_minutes INTEGER NOT NULL,
        locked BOOLEAN NOT NULL DEFAULT false,
        announcement TEXT,
        announced_at BIGINT,
        created_at BIGINT NOT NULL,
        started_at BIGINT,
        exported_at BIGINT,
        closed_at BIGINT,
        closing_summary TEXT
      );
      CREATE INDEX rooms_open ON rooms (closed_at) WHERE closed_at IS NULL;
      CREATE TABLE attendees (
        id BIGSERIAL PRIMARY KEY,
        room_id BIGINT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        nickname TEXT NOT NULL,
        nickname_key TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        account_key TEXT,
        joined_at BIGINT NOT NULL,
        UNIQUE (room_id, nickname_key)
      );
      CREATE INDEX attendees_by_account ON attendees (room_id, account_key);
      CREATE TABLE progress (
        attendee_id BIGINT NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
        step TEXT NOT NULL,
        done_at BIGINT NOT NULL,
        PRIMARY KEY (attendee_id, step)
      );
    `,
  },
];
