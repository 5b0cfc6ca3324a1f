import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from "@aws-sdk/client-iam";
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { AWS_DEADLINES } from "@/lib/aws/deadlines";
import { endsSession } from "@/lib/result";
import { runCheck } from "@/lib/aws/run";
import { cloudtrail } from "@/workshops/account-security/steps/cloudtrail/server";
import { rootAccessKeys } from "@/workshops/account-security/steps/root-access-keys/server";
import { awsFor } from "@/lib/credentials/current";
import { parseCredentialsPaste, type ParsedCredentials } from "@/lib/credentials/parse";
import { sessionView, verifyCredentials } from "@/lib/credentials/sign-in";
import { attendee } from "./attendee";
import { motoEndpoint } from "./endpoint";

/**
 * Issue 8, item 1: credentials from `aws sts get-session-token` without an MFA code "cannot
 * call any IAM API operations"; IAM answers InvalidClientTokenId. moto answers
 * GetSessionToken with fixed example keys: the stricter stand-in (session-token-credentials)
 * issues them as AWS does, in the caller's account, and enforces the rule.
 */

/** An IAM user with access keys in a fresh account, and the STS JSON of get-session-token it would print. */
async function sessionTokenPaste(opts: { mfa: boolean }): Promise<{ parsed: ParsedCredentials; accountId: string }> {
  const { aws, accountId } = await attendee();
  await aws.iam.send(new CreateUserCommand({ UserName: "cli-user" }));
  const key = (await aws.iam.send(new CreateAccessKeyCommand({ UserName: "cli-user" }))).AccessKey!;
  let mfa = {};
  if (opts.mfa) {
    const device = (await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "cli-user" }))).VirtualMFADevice!;
    const secret = new TextDecoder().decode(device.Base32StringSeed);
    const now = Math.floor(Date.now() / 1000);
    const [code1, code2] = [await generate({ secret, epoch: now }), await generate({ secret, epoch: now + 30 })];
    await aws.iam.send(new EnableMFADeviceCommand({ UserName: "cli-user", SerialNumber: device.SerialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
    mfa = { SerialNumber: device.SerialNumber, TokenCode: await generate({ secret, epoch: now + 60 }) };
  }
  const sts = new STSClient({
    region: "us-east-1",
    endpoint: motoEndpoint(),
    credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
  });
  const out = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 3600, ...mfa }));
  // What `aws sts get-session-token` prints.
  const json = JSON.stringify({ Credentials: { ...out.Credentials, Expiration: out.Credentials!.Expiration!.toISOString() } }, null, 4);
  const parsed = parseCredentialsPaste(json);
  if (!parsed.ok) throw new Error(`paste not parsed: ${parsed.code}`);
  return { parsed: parsed.credentials, accountId };
}

describe("get-session-token credentials (stricter stand-in: session-token-credentials)", () => {
  it("without MFA: sign-in says IAM refuses them, and an IAM check neither ends the session nor blocks the other steps", async () => {
    const { parsed, accountId } = await sessionTokenPaste({ mfa: false });
    const verified = await verifyCredentials(parsed, "ap-northeast-1");
    if (!verified.ok) throw new Error(`sign-in failed: ${verified.code}`);
    const session = verified.data;
    expect(session.identity).toMatchObject({ kind: "user", name: "cli-user", accountId });
    expect(session.iamRefused).toBe(true);
    expect(sessionView(session).warnings).toContain("iam-refused");

    const aws = awsFor(session, AWS_DEADLINES.checkMs);
    const step1 = await runCheck(rootAccessKeys, aws);
    expect(step1).toMatchObject({ state: "unknown", failure: { ok: false, code: "iam-refused-credentials" } });
    expect(endsSession(step1.failure!)).toBe(false);
    // CloudTrail still answers these credentials.
    expect((await runCheck(cloudtrail, aws)).state).toBe("todo");
  });

  it("made with an MFA code: no warning, and IAM answers", async () => {
    const { parsed } = await sessionTokenPaste({ mfa: true });
    const verified = await verifyCredentials(parsed, "ap-northeast-1");
    if (!verified.ok) throw new Error(`sign-in failed: ${verified.code}`);
    expect(verified.data.iamRefused).toBe(false);
    expect(sessionView(verified.data).warnings).not.toContain("iam-refused");
    expect((await runCheck(rootAccessKeys, awsFor(verified.data, AWS_DEADLINES.checkMs))).state).toBe("done");
  });

  it("a role's credentials are not asked about IAM and get no warning", async () => {
    const { keys } = await attendee();
    const parsed = parseCredentialsPaste(
      [`export AWS_ACCESS_KEY_ID=${keys.accessKeyId}`, `export AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey}`, `export AWS_SESSION_TOKEN=${keys.sessionToken}`].join("\n"),
    );
    if (!parsed.ok) throw new Error(parsed.code);
    const verified = await verifyCredentials(parsed.credentials, "ap-northeast-1");
    if (!verified.ok) throw new Error(verified.code);
    expect(verified.data.identity.kind).toBe("role");
    expect(verified.data.iamRefused).toBe(false);
    expect(sessionView(verified.data).warnings).toEqual([]);
  });
});

describe("credential expiry (issue 8, item 4)", () => {
  it("warns at sign-in when less than 30 minutes remain, not otherwise", async () => {
    const { keys } = await attendee();
    const paste = (minutes: number) =>
      [
        `export AWS_ACCESS_KEY_ID=${keys.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey}`,
        `export AWS_SESSION_TOKEN=${keys.sessionToken}`,
        `export AWS_CREDENTIAL_EXPIRATION=${new Date(Date.now() + minutes * 60_000).toISOString()}`,
      ].join("\n");
    for (const [minutes, warned] of [
      [20, true],
      [45, false],
    ] as const) {
      const parsed = parseCredentialsPaste(paste(minutes));
      if (!parsed.ok) throw new Error(parsed.code);
      const verified = await verifyCredentials(parsed.credentials, "ap-northeast-1");
      if (!verified.ok) throw new Error(verified.code);
      expect(sessionView(verified.data).warnings.includes("expires-soon")).toBe(warned);
    }
  });
});
