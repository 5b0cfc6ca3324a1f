import { describe, expect, it } from "vitest";
import { MAX_PASTE_LENGTH, parseCredentialsPaste, type ParseErrorCode } from "@/lib/credentials/parse";

const NOW = new Date("2026-11-29T05:00:00Z");
const KEY = "ASIAQWERTYUIOPASDFGH";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaDmFwLW5vcnRoZWFzdC0xIkcwRQIhAKx+EXAMPLE/TOKEN+abc==";
const EXPIRES = "2026-11-29T06:00:00Z";

const ok = (input: string) => {
  const res = parseCredentialsPaste(input, NOW);
  if (!res.ok) throw new Error(`expected success, got ${res.code}`);
  return res.credentials;
};
const code = (input: unknown): ParseErrorCode | "ok" => {
  const res = parseCredentialsPaste(input, NOW);
  return res.ok ? "ok" : res.code;
};

describe("accepted pastes", () => {
  it("aws configure export-credentials --format process (JSON)", () => {
    const c = ok(JSON.stringify({ Version: 1, AccessKeyId: KEY, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: "2026-11-29T06:00:00+00:00" }, null, 2));
    expect(c).toMatchObject({ accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN, format: "process-json", fromGetSessionToken: false });
    expect(c.expiration?.toISOString()).toBe("2026-11-29T06:00:00.000Z");
  });

  it("--format env", () => {
    const c = ok(`export AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\nexport AWS_CREDENTIAL_EXPIRATION=${EXPIRES}\n`);
    expect(c).toMatchObject({ accessKeyId: KEY, format: "env" });
    expect(c.expiration?.toISOString()).toBe("2026-11-29T06:00:00.000Z");
  });

  it("--format env-no-export", () => {
    const c = ok(`AWS_ACCESS_KEY_ID=${KEY}\nAWS_SECRET_ACCESS_KEY=${SECRET}\nAWS_SESSION_TOKEN=${TOKEN}\nAWS_CREDENTIAL_EXPIRATION=${EXPIRES}`);
    expect(c).toMatchObject({ sessionToken: TOKEN, format: "env" });
  });

  it("--format powershell", () => {
    const c = ok(`$Env:AWS_ACCESS_KEY_ID="${KEY}"\n$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"\n$Env:AWS_SESSION_TOKEN="${TOKEN}"\n$Env:AWS_CREDENTIAL_EXPIRATION="${EXPIRES}"`);
    expect(c).toMatchObject({ secretAccessKey: SECRET, format: "powershell" });
  });

  it("--format windows-cmd", () => {
    const c = ok(`set AWS_ACCESS_KEY_ID=${KEY}\r\nset AWS_SECRET_ACCESS_KEY=${SECRET}\r\nset AWS_SESSION_TOKEN=${TOKEN}\r\nset AWS_CREDENTIAL_EXPIRATION=${EXPIRES}\r\n`);
    expect(c).toMatchObject({ accessKeyId: KEY, format: "cmd" });
  });

  it("Identity Center: macOS/Linux exports with quotes and no expiry", () => {
    const c = ok(`export AWS_ACCESS_KEY_ID="${KEY}"\nexport AWS_SECRET_ACCESS_KEY="${SECRET}"\nexport AWS_SESSION_TOKEN="${TOKEN}"`);
    expect(c.expiration).toBeUndefined();
    expect(c.sessionToken).toBe(TOKEN);
  });

  it("Identity Center: Windows cmd (SET) and PowerShell", () => {
    expect(ok(`SET AWS_ACCESS_KEY_ID=${KEY}\nSET AWS_SECRET_ACCESS_KEY=${SECRET}\nSET AWS_SESSION_TOKEN=${TOKEN}`).format).toBe("cmd");
    expect(ok(`$Env:AWS_ACCESS_KEY_ID="${KEY}"; \n$Env:AWS_SECRET_ACCESS_KEY="${SECRET}";\n$Env:AWS_SESSION_TOKEN="${TOKEN}";`).format).toBe("powershell");
  });

  it("Identity Center: credentials-file block", () => {
    const c = ok(`[123456789012_AdministratorAccess]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}\n`);
    expect(c).toMatchObject({ accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN, format: "credentials-file" });
  });

  it("credentials-file block with spaces around = and a region", () => {
    const c = ok(`[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\nregion = ap-northeast-1`);
    expect(c.region).toBe("ap-northeast-1");
  });

  it("sts assume-role JSON", () => {
    const c = ok(JSON.stringify({
      Credentials: { AccessKeyId: KEY, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: EXPIRES },
      AssumedRoleUser: { AssumedRoleId: "AROAEXAMPLE:me", Arn: "arn:aws:sts::123456789012:assumed-role/Admin/me" },
    }));
    expect(c).toMatchObject({ format: "sts-json", fromGetSessionToken: false });
  });

  it("sts get-session-token JSON is accepted and flagged (IAM needs MFA)", () => {
    const c = ok(JSON.stringify({ Credentials: { AccessKeyId: KEY, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: EXPIRES } }));
    expect(c).toMatchObject({ format: "sts-json", fromGetSessionToken: true });
  });

  it("sts get-federation-token JSON is not flagged", () => {
    const c = ok(JSON.stringify({ Credentials: { AccessKeyId: KEY, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: EXPIRES }, FederatedUser: { Arn: "x", FederatedUserId: "y" } }));
    expect(c.fromGetSessionToken).toBe(false);
  });

  it("tolerates surrounding text a terminal copy drags along: prompts, comments, blank lines, CRLF, BOM", () => {
    const c = ok(`\uFEFF# paste from CloudShell\r\n\r\n  export AWS_ACCESS_KEY_ID=${KEY}  \r\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\r\n[cloudshell-user@ip ~]$ \r\nexport AWS_SESSION_TOKEN=${TOKEN}\r\n`);
    expect(c.accessKeyId).toBe(KEY);
  });

  it("strips zero-width characters chat apps insert", () => {
    const c = ok(`export AWS_ACCESS_KEY_ID=${KEY}\u200B\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\u2060`);
    expect(c.accessKeyId).toBe(KEY);
  });

  it("strips bidirectional marks (LRM, RLM, U+202E and the isolates) that right-to-left text and chat apps add", () => {
    const c = ok(`\u200Fexport AWS_ACCESS_KEY_ID=\u202E${KEY}\u202C\u200E\nexport AWS_SECRET_ACCESS_KEY=\u2066${SECRET}\u2069\nexport AWS_SESSION_TOKEN=${TOKEN}\u061C`);
    expect(c).toMatchObject({ accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN });
  });

  it("reads AWS_REGION / AWS_DEFAULT_REGION when present, ignores junk regions", () => {
    expect(ok(`export AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\nexport AWS_DEFAULT_REGION=us-west-2`).region).toBe("us-west-2");
    expect(ok(`export AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\nexport AWS_REGION=<script>`).region).toBeUndefined();
  });

  it("accepts an expiry in epoch seconds and milliseconds", () => {
    const secs = Math.floor(new Date(EXPIRES).getTime() / 1000);
    const base = JSON.stringify({ Credentials: { AccessKeyId: KEY, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: secs } });
    expect(ok(base).expiration?.toISOString()).toBe("2026-11-29T06:00:00.000Z");
    const ms = base.replace(String(secs), String(secs * 1000));
    expect(ok(ms).expiration?.toISOString()).toBe("2026-11-29T06:00:00.000Z");
  });
});

const env = (key: string, secret: string, token?: string, expiry?: string) =>
  [`export AWS_ACCESS_KEY_ID=${key}`, `export AWS_SECRET_ACCESS_KEY=${secret}`, token !== undefined ? `export AWS_SESSION_TOKEN=${token}` : "", expiry ? `export AWS_CREDENTIAL_EXPIRATION=${expiry}` : ""]
    .filter(Boolean)
    .join("\n");

describe("refused pastes", () => {
  const cases: [string, unknown, ParseErrorCode][] = [
    ["empty string", "", "empty"],
    ["only whitespace", "   \n\t  ", "empty"],
    ["only zero-width characters", "\u200B\uFEFF", "empty"],
    ["not a string (number)", 42, "unrecognized"],
    ["not a string (object)", { AccessKeyId: KEY }, "unrecognized"],
    ["null", null, "unrecognized"],
    ["prose", "こんにちは、よろしくお願いします", "unrecognized"],
    ["HTML / script", `<script>alert(1)</script>`, "unrecognized"],
    ["too long", "x".repeat(MAX_PASTE_LENGTH + 1), "too-long"],
    ["broken JSON", `{"AccessKeyId": "${KEY}", `, "unrecognized"],
    ["JSON array", `[1,2,3]`, "unrecognized"],
    ["JSON string", `"${KEY}"`, "unrecognized"],
    ["JSON without keys", `{"hello":"world"}`, "unrecognized"],
    ["JSON prototype pollution", `{"__proto__":{"AccessKeyId":"${KEY}"},"constructor":{}}`, "unrecognized"],
    ["process JSON without secret", JSON.stringify({ Version: 1, AccessKeyId: KEY, SessionToken: TOKEN }), "missing-secret"],
    ["sts JSON without secret", JSON.stringify({ Credentials: { AccessKeyId: KEY, SessionToken: TOKEN } }), "missing-secret"],
    ["process JSON with a numeric key id", JSON.stringify({ AccessKeyId: 123, SecretAccessKey: SECRET }), "missing-access-key"],
    ["long-term AKIA key with token", env("AKIAIOSFODNN7EXAMPLE", SECRET, TOKEN), "long-term-key"],
    ["long-term AKIA key without token", env("AKIAIOSFODNN7EXAMPLE", SECRET), "long-term-key"],
    ["AKIA in process JSON", JSON.stringify({ Version: 1, AccessKeyId: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: SECRET }), "long-term-key"],
    ["ASIA key without session token", env(KEY, SECRET), "missing-token"],
    ["empty session token", env(KEY, SECRET, ""), "missing-token"],
    ["unknown key prefix", env("AROAQWERTYUIOPASDFGH", SECRET, TOKEN), "bad-access-key"],
    ["lower-case key id", env(KEY.toLowerCase(), SECRET, TOKEN), "bad-access-key"],
    ["key id too short", env("ASIA123", SECRET, TOKEN), "bad-access-key"],
    ["key id with shell injection", env(`${KEY};rm -rf /`, SECRET, TOKEN), "bad-access-key"],
    ["secret cut off", env(KEY, "wJalrXUtn", TOKEN), "bad-secret"],
    ["secret with spaces", env(KEY, "wJalrXUtnFEMI K7MDENG bPxRfiCYEXAMPLEKEY", TOKEN), "bad-secret"],
    ["token with HTML", env(KEY, SECRET, `${TOKEN}<img src=x onerror=alert(1)>`), "bad-token"],
    ["token too short", env(KEY, SECRET, "abc"), "bad-token"],
    ["token absurdly long", env(KEY, SECRET, "A".repeat(9000)), "bad-token"],
    ["expired credentials", env(KEY, SECRET, TOKEN, "2026-11-29T04:59:59Z"), "expired"],
    ["expiry now", env(KEY, SECRET, TOKEN, "2026-11-29T05:00:00Z"), "expired"],
    ["expiry not a date", env(KEY, SECRET, TOKEN, "tomorrow"), "bad-expiration"],
    ["expiry without a zone", env(KEY, SECRET, TOKEN, "2026-11-29T06:00:00"), "bad-expiration"],
    ["expiry impossible date", env(KEY, SECRET, TOKEN, "2026-13-45T06:00:00Z"), "bad-expiration"],
    ["two credential-file profiles", `[a]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}\n[b]\naws_access_key_id=ASIAZXCVBNMASDFGHJKL\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}`, "several-sets"],
    ["two different key ids", `${env(KEY, SECRET, TOKEN)}\nexport AWS_ACCESS_KEY_ID=ASIAZXCVBNMASDFGHJKL`, "several-sets"],
    ["an export set, then a JSON set", `${env(KEY, SECRET, TOKEN)}\n{"Version": 1, "AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}"}`, "several-sets"],
    ["a JSON set, then an export set", `{"Credentials": {"AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}"}}\n${env(KEY, SECRET, TOKEN)}`, "several-sets"],
    ["only a secret", `export AWS_SECRET_ACCESS_KEY=${SECRET}`, "missing-access-key"],
    ["unrelated env exports", `export PATH=/usr/bin\nexport HOME=/root`, "unrecognized"],
    ["a raw access key alone", KEY, "unrecognized"],
    ["NUL bytes inside the key", env(`ASIA\u0000QWERTYUIOPASDFGH`, SECRET, TOKEN), "ok" as ParseErrorCode],
    ["unicode look-alike in key", env("ASIAQWERTYUIOPASDFGＨ", SECRET, TOKEN), "bad-access-key"],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it("has at least 30 hostile or malformed cases", () => {
    expect(cases.filter(([, , c]) => c !== ("ok" as ParseErrorCode)).length).toBeGreaterThanOrEqual(30);
  });

  it("never echoes the paste back in a failure", () => {
    for (const [, input] of cases) {
      const res = parseCredentialsPaste(input, NOW);
      if (!res.ok) expect(Object.keys(res).sort()).toEqual(["code", "ok"]);
    }
  });
});
