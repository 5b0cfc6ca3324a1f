import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "./connection";

/**
 * A keyed hash of an AWS account id: lets us tell that two attendees (or two sessions) use
 * the same account without storing the account id. The key is HAJIME_ACCOUNT_KEY (base64,
 * 32 bytes) when set — several instances sharing a PostgreSQL database must share it, or
 * each would hash one account differently — else it lives in DATA_DIR/account.key.
 */

let cached: { dir: string; key: Buffer } | undefined;

let fromEnv: { value: string; key: Buffer } | undefined;

/** HAJIME_ACCOUNT_KEY decoded, once per value (every rate-limit key and account hash asks). */
function fromEnvironment(): Buffer | undefined {
  const value = process.env.HAJIME_ACCOUNT_KEY?.trim();
  if (!value) return undefined;
  if (fromEnv?.value === value) return fromEnv.key;
  const key = Buffer.from(value, "base64");
  if (key.length < 32) throw new Error("HAJIME_ACCOUNT_KEY must be at least 32 random bytes, base64 (openssl rand -base64 32)");
  fromEnv = { value, key };
  return key;
}

function key(): Buffer {
  const fixed = fromEnvironment();
  if (fixed) return fixed;
  const dir = dataDir();
  if (cached?.dir === dir) return cached.key;
  const path = join(dir, "account.key");
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path)) {
    try {
      writeFileSync(path, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
    } catch {
      // Another process wrote it first: read theirs.
    }
  }
  chmodSync(path, 0o600);
  const value = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  cached = { dir, key: value };
  return value;
}

/**
 * A keyed hash of `value` for one `purpose` (a short label, so one value hashes differently
 * per use): what a shared database keeps instead of an id or a client address.
 */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", key()).update(`${purpose}:${value}`).digest("base64url").slice(0, 32);
}

export function accountKey(accountId: string): string {
  return keyedHash("aws-account", accountId);
}

/** An access key id as PostgreSQL may hold it (live-session claims, lib/credentials/session-claims.ts). */
export function accessKeyKey(accessKeyId: string): string {
  return keyedHash("aws-access-key", accessKeyId);
}
