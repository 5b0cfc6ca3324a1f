import { z } from "zod";

/**
 * Turns whatever an attendee pasted into one set of short-lived AWS credentials.
 *
 * Accepted: `aws configure export-credentials` (process JSON, env, env-no-export,
 * powershell, windows-cmd), `aws sts get-session-token` / `assume-role` JSON, and the
 * Identity Center "copy" blocks (shell exports, PowerShell, cmd, credentials file).
 * Pure function: no I/O, and a failure never echoes the pasted text back.
 */

import { MAX_PASTE_LENGTH } from "./paste-limit";

export { MAX_PASTE_LENGTH };

export type PasteFormat =
  | "process-json"
  | "sts-json"
  | "env"
  | "powershell"
  | "cmd"
  | "credentials-file";

export type ParsedCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Absent when the paste does not say (Identity Center copies never do). */
  expiration?: Date;
  format: PasteFormat;
  /** A region named in the paste (AWS_REGION / AWS_DEFAULT_REGION / region =), if any. */
  region?: string;
  /** sts get-session-token JSON: no role, so IAM calls fail unless MFA was given. */
  fromGetSessionToken: boolean;
};

export type ParseErrorCode =
  | "empty"
  | "too-long"
  | "unrecognized"
  | "several-sets"
  | "missing-access-key"
  | "missing-secret"
  | "missing-token"
  | "long-term-key"
  | "bad-access-key"
  | "bad-secret"
  | "bad-token"
  | "bad-expiration"
  | "expired";

export type ParseResult =
  | { ok: true; credentials: ParsedCredentials }
  | { ok: false; code: ParseErrorCode };

const accessKeyId = z.string().regex(/^[A-Z0-9]{16,128}$/);
const secretAccessKey = z.string().regex(/^[A-Za-z0-9/+=]{16,128}$/);
const sessionToken = z.string().regex(/^[A-Za-z0-9/+=_-]{16,8192}$/);
const expiration = z.string().min(1).max(64).optional();

const processJson = z.object({
  Version: z.literal(1).optional(),
  AccessKeyId: z.string(),
  SecretAccessKey: z.string(),
  SessionToken: z.string().optional(),
  Expiration: z.string().optional(),
});

const stsJson = z.object({
  Credentials: z.object({
    AccessKeyId: z.string(),
    SecretAccessKey: z.string(),
    SessionToken: z.string().optional(),
    Expiration: z.union([z.string(), z.number()]).optional(),
  }),
  AssumedRoleUser: z.object({}).passthrough().optional(),
  FederatedUser: z.object({}).passthrough().optional(),
  SubjectFromWebIdentityToken: z.string().optional(),
});

type Fields = {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  expiration?: string;
  region?: string;
};

type Extracted = { fields: Fields; format: PasteFormat; fromGetSessionToken: boolean };

export function parseCredentialsPaste(input: unknown, now: Date = new Date()): ParseResult {
  if (typeof input !== "string") return { ok: false, code: "unrecognized" };
  if (input.length > MAX_PASTE_LENGTH) return { ok: false, code: "too-long" };
  // Strip a BOM, zero-width characters, NULs and bidirectional marks (LRM, RLM, ALM, the
  // embeddings and overrides such as U+202E, the isolates) that copy buttons, chat apps and
  // right-to-left text add: none can be part of a key, and they hide where one starts.
  const text = input.replace(/[\u0000\u200B-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, "").trim();
  if (text === "") return { ok: false, code: "empty" };
  // An `export` set and a JSON set in one paste: say so rather than silently using one.
  if (hasJsonSet(text) && hasLineSet(text)) return { ok: false, code: "several-sets" };

  const extracted = text.startsWith("{") ? fromJson(text) : fromLines(text);
  if ("code" in extracted) return { ok: false, code: extracted.code };
  return validate(extracted, now);
}

const hasJsonSet = (text: string) => /"AccessKeyId"\s*:/.test(text);
const hasLineSet = (text: string) =>
  /^\s*(?:export\s+|set\s+"?|\$env:)?AWS_ACCESS_KEY_ID\s*=/im.test(text) || /^\s*aws_access_key_id\s*=/m.test(text);

function fromJson(text: string): Extracted | { code: ParseErrorCode } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { code: "unrecognized" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { code: "unrecognized" };
  }
  const sts = stsJson.safeParse(value);
  if (sts.success) {
    const c = sts.data.Credentials;
    const role = sts.data.AssumedRoleUser ?? sts.data.FederatedUser;
    return {
      fields: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration === undefined ? undefined : String(c.Expiration),
      },
      format: "sts-json",
      fromGetSessionToken: role === undefined && sts.data.SubjectFromWebIdentityToken === undefined,
    };
  }
  const proc = processJson.safeParse(value);
  if (proc.success) {
    return {
      fields: {
        accessKeyId: proc.data.AccessKeyId,
        secretAccessKey: proc.data.SecretAccessKey,
        sessionToken: proc.data.SessionToken,
        expiration: proc.data.Expiration,
      },
      format: "process-json",
      fromGetSessionToken: false,
    };
  }
  const hasSomeKey = "AccessKeyId" in value || "Credentials" in value;
  return { code: hasSomeKey ? missingField(value) : "unrecognized" };
}

function missingField(value: object): ParseErrorCode {
  const flat: Record<string, unknown> =
    "Credentials" in value && typeof value.Credentials === "object" && value.Credentials
      ? (value.Credentials as Record<string, unknown>)
      : (value as Record<string, unknown>);
  if (typeof flat.AccessKeyId !== "string") return "missing-access-key";
  if (typeof flat.SecretAccessKey !== "string") return "missing-secret";
  return "unrecognized";
}

const ENV_NAMES: Record<string, keyof Fields> = {
  AWS_ACCESS_KEY_ID: "accessKeyId",
  AWS_SECRET_ACCESS_KEY: "secretAccessKey",
  AWS_SESSION_TOKEN: "sessionToken",
  AWS_SECURITY_TOKEN: "sessionToken",
  AWS_CREDENTIAL_EXPIRATION: "expiration",
  AWS_SESSION_EXPIRATION: "expiration",
  AWS_REGION: "region",
  AWS_DEFAULT_REGION: "region",
};

const FILE_NAMES: Record<string, keyof Fields> = {
  aws_access_key_id: "accessKeyId",
  aws_secret_access_key: "secretAccessKey",
  aws_session_token: "sessionToken",
  aws_security_token: "sessionToken",
  aws_credential_expiration: "expiration",
  expiration: "expiration",
  region: "region",
};

// export NAME=value | NAME=value | set NAME=value | $Env:NAME="value" | name = value
const ENV_LINE = /^(?:export\s+)?([A-Z_]+)\s*=\s*(.*)$/;
const CMD_LINE = /^set\s+"?([A-Z_]+)=(.*?)"?$/i;
const PS_LINE = /^\$env:([A-Z_]+)\s*=\s*(.*?);?$/i;
const FILE_LINE = /^([a-z_]+)\s*=\s*(.*)$/;
const SECTION_LINE = /^\[[^\]\r\n]{1,128}\]$/;

function fromLines(text: string): Extracted | { code: ParseErrorCode } {
  const fields: Fields = {};
  let format: PasteFormat | undefined;
  let sections = 0;
  let recognised = 0;

  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";") || line.startsWith("REM ")) {
      continue;
    }
    let name: keyof Fields | undefined;
    let value: string | undefined;
    let lineFormat: PasteFormat;
    let m: RegExpMatchArray | null;
    if (SECTION_LINE.test(line)) {
      sections += 1;
      if (sections > 1) return { code: "several-sets" };
      format ??= "credentials-file";
      continue;
    } else if ((m = line.match(PS_LINE))) {
      name = ENV_NAMES[m[1].toUpperCase()];
      value = m[2];
      lineFormat = "powershell";
    } else if ((m = line.match(CMD_LINE))) {
      name = ENV_NAMES[m[1].toUpperCase()];
      value = m[2];
      lineFormat = "cmd";
    } else if ((m = line.match(ENV_LINE))) {
      name = ENV_NAMES[m[1]];
      value = m[2];
      lineFormat = "env";
    } else if ((m = line.match(FILE_LINE))) {
      name = FILE_NAMES[m[1]];
      value = m[2];
      lineFormat = "credentials-file";
    } else {
      continue;
    }
    if (!name || value === undefined) continue;
    const clean = unquote(value);
    if (fields[name] !== undefined && fields[name] !== clean && name !== "region") {
      return { code: "several-sets" };
    }
    fields[name] = clean;
    recognised += 1;
    format ??= lineFormat;
  }

  if (recognised === 0 || !format) return { code: "unrecognized" };
  return { fields, format, fromGetSessionToken: false };
}

function unquote(value: string): string {
  let v = value.trim();
  if (v.endsWith(";")) v = v.slice(0, -1).trim();
  const first = v[0];
  if ((first === '"' || first === "'") && v.endsWith(first) && v.length >= 2) {
    v = v.slice(1, -1);
  }
  return v.trim();
}

function validate(extracted: Extracted, now: Date): ParseResult {
  const f = extracted.fields;
  if (!f.accessKeyId) return { ok: false, code: "missing-access-key" };
  if (!accessKeyId.safeParse(f.accessKeyId).success) return { ok: false, code: "bad-access-key" };
  if (f.accessKeyId.startsWith("AKIA")) return { ok: false, code: "long-term-key" };
  if (!f.secretAccessKey) return { ok: false, code: "missing-secret" };
  if (!secretAccessKey.safeParse(f.secretAccessKey).success) return { ok: false, code: "bad-secret" };
  if (!f.sessionToken) {
    // A key pair without a session token is long-term, whatever its prefix says.
    return { ok: false, code: f.accessKeyId.startsWith("ASIA") ? "missing-token" : "long-term-key" };
  }
  if (!sessionToken.safeParse(f.sessionToken).success) return { ok: false, code: "bad-token" };
  if (!f.accessKeyId.startsWith("ASIA")) return { ok: false, code: "bad-access-key" };

  let expirationDate: Date | undefined;
  if (f.expiration !== undefined && f.expiration !== "") {
    if (!expiration.safeParse(f.expiration).success) return { ok: false, code: "bad-expiration" };
    expirationDate = parseExpiration(f.expiration);
    if (!expirationDate) return { ok: false, code: "bad-expiration" };
    if (expirationDate.getTime() <= now.getTime()) return { ok: false, code: "expired" };
  }

  const region = f.region && /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(f.region) ? f.region : undefined;
  return {
    ok: true,
    credentials: {
      accessKeyId: f.accessKeyId,
      secretAccessKey: f.secretAccessKey,
      sessionToken: f.sessionToken,
      expiration: expirationDate,
      format: extracted.format,
      region,
      fromGetSessionToken: extracted.fromGetSessionToken,
    },
  };
}

function parseExpiration(value: string): Date | undefined {
  // Epoch seconds or milliseconds (some SDKs print numbers), else ISO 8601 with a zone.
  if (/^\d{9,13}$/.test(value)) {
    const n = Number(value);
    return new Date(value.length > 11 ? n : n * 1000);
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    return undefined;
  }
  const date = new Date(value.replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
