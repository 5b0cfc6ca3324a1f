import type { PgMigration } from "@/lib/db/postgres";

/**
 * Live credential sessions as every instance sees them (DATABASE_URL; ./session-claims.ts),
 * so the per-account cap holds across instances. The credentials stay in the memory of the
 * instance that verified them: a claim holds only keyed hashes (of the session id, the
 * account id and the access key id), which instance holds it, and its expiry.
 * A claim counts while its instance's heartbeat is fresh; a dead instance's claims go with it.
 */
export const SESSIONS_PG_MIGRATIONS: readonly PgMigration[] = [
  {
    area: "sessions",
    version: 1,
    up: `CREATE TABLE session_instances (
      instance_id TEXT PRIMARY KEY,
      heartbeat_at BIGINT NOT NULL
    );
    CREATE TABLE session_claims (
      session_hash TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES session_instances (instance_id) ON DELETE CASCADE,
      account_key TEXT NOT NULL,
      access_key_hash TEXT NOT NULL,
      expires_at BIGINT NOT NULL
    );
    CREATE INDEX session_claims_account ON session_claims (account_key);
    CREATE INDEX session_claims_access_key ON session_claims (access_key_hash);
    CREATE INDEX session_claims_instance ON session_claims (instance_id)`,
  },
];
