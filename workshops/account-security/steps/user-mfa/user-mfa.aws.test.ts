import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  InvalidAuthenticationCodeException,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
} from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { generate } from "otplib";
import { describe, expect, it, vi } from "vitest";
import type { Aws } from "@/lib/aws/clients";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { adminGroup } from "@/workshops/account-security/steps/admin-group/server";
import { iamUser } from "@/workshops/account-security/steps/iam-user/server";
import { startVirtualMfa, userMfa, type MfaStart } from "@/workshops/account-security/steps/user-mfa/server";
import { attendee } from "@/tests/aws/attendee";
import { strictAws } from "@/tests/aws/strict";

const ctx = () => ({ ledger: new MemoryLedger() });
const PASSWORD = "Kd7#mPq2xW!vT9";

/** Steps 4 and 5 done: `admin` with AdministratorAccess and a console user in it. */
async function withConsoleAdmin(userName = "taro"): Promise<{ aws: Aws; accountId: string }> {
  const { aws, accountId } = await attendee();
  expect((await runFix(adminGroup, aws, {}, ctx())).ok).toBe(true);
  expect((await runFix(iamUser, aws, { userName, password: PASSWORD }, ctx())).ok).toBe(true);
  return { aws, accountId };
}

/** Two consecutive codes, as the attendee's phone would show them. */
async function phoneCodes(secret: string): Promise<{ code1: string; code2: string }> {
  const now = Math.floor(Date.now() / 1000);
  return { code1: await generate({ secret, epoch: now }), code2: await generate({ secret, epoch: now + 30 }) };
}

/** The same codes, named as EnableMFADevice names them. */
async function awsCodes(secret: string): Promise<{ AuthenticationCode1: string; AuthenticationCode2: string }> {
  const { code1, code2 } = await phoneCodes(secret);
  return { AuthenticationCode1: code1, AuthenticationCode2: code2 };
}

async function start(aws: Aws, userName: string): Promise<Extract<MfaStart, { state: "created" }>> {
  const res = await startVirtualMfa(aws, userName);
  if (!res.ok || res.data.state !== "created") throw new Error(`start failed: ${JSON.stringify(res)}`);
  return res.data;
}

const devicesOf = async (aws: Aws, userName: string) =>
  ((await aws.iam.send(new ListMFADevicesCommand({ UserName: userName }))).MFADevices ?? []).map((d) => d.SerialNumber);

const virtualDevices = async (aws: Aws) =>
  ((await aws.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Any" }))).VirtualMFADevices ?? []).map((d) => ({
    serial: d.SerialNumber,
    user: d.User?.UserName,
  }));

describe("step 6: MFA for the IAM user (moto)", () => {
  it("is todo while no console user is in admin", async () => {
    const { aws } = await attendee();
    expect(await runCheck(userMfa, aws)).toMatchObject({ state: "todo", detail: { users: [] } });
  });

  it("lists the console user without MFA, then enables a device from the seed; twice is the same", async () => {
    const { aws, accountId } = await withConsoleAdmin();
    expect(await runCheck(userMfa, aws)).toMatchObject({ state: "todo", detail: { users: [{ name: "taro", admin: true, mfa: false }] } });

    const started = await start(aws, "taro");
    expect(started.serialNumber).toBe(`arn:aws:iam::${accountId}:mfa/taro`);
    expect(started.secret).toMatch(/^[A-Z2-7]{32,}$/);
    expect(started.account).toBe(accountId);

    const codes = await phoneCodes(started.secret);
    const first = await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...codes }, ctx());
    expect(first).toEqual({ ok: true, data: { userName: "taro", alreadyEnabled: false } });
    const second = await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...codes }, ctx());
    expect(second).toEqual({ ok: true, data: { userName: "taro", alreadyEnabled: true } });

    expect(await devicesOf(aws, "taro")).toEqual([started.serialNumber]);
    expect(await runCheck(userMfa, aws)).toMatchObject({ state: "done", detail: { users: [{ name: "taro", admin: true, mfa: true }] } });
  });

  it("logs nothing while starting and enabling, so the seed cannot end up in a log", async () => {
    const { aws } = await withConsoleAdmin();
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level));
    try {
      await start(aws, "taro");
      const again = await start(aws, "taro");
      await runFix(userMfa, aws, { userName: "taro", serialNumber: again.serialNumber, ...(await phoneCodes(again.secret)) }, ctx());
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("says a user who already has MFA is done, without a new device", async () => {
    const { aws } = await withConsoleAdmin();
    const started = await start(aws, "taro");
    await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...(await phoneCodes(started.secret)) }, ctx());
    expect(await startVirtualMfa(aws, "taro")).toEqual({ ok: true, data: { state: "already-enabled", userName: "taro" } });
    expect(await virtualDevices(aws)).toEqual([{ serial: started.serialNumber, user: "taro" }]);
  });

  it("replaces an abandoned, unassigned device of the same name instead of failing", async () => {
    const { aws } = await withConsoleAdmin();
    const abandoned = await start(aws, "taro");
    const again = await start(aws, "taro");
    expect(again.serialNumber).toBe(abandoned.serialNumber);
    expect(again.secret).not.toBe(abandoned.secret);
    expect(await virtualDevices(aws)).toEqual([{ serial: again.serialNumber, user: undefined }]);

    // The new seed is the one that counts.
    const res = await runFix(userMfa, aws, { userName: "taro", serialNumber: again.serialNumber, ...(await phoneCodes(again.secret)) }, ctx());
    expect(res.ok).toBe(true);
    expect((await runCheck(userMfa, aws)).state).toBe("done");
  });

  it("never deletes a device of that name assigned to someone else (moto would let it)", async () => {
    const { aws, accountId } = await withConsoleAdmin("taro");
    await aws.iam.send(new CreateUserCommand({ UserName: "hanako" }));
    // A device called "hanako", assigned to taro.
    const device = await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "hanako", Path: "/" }));
    const serial = device.VirtualMFADevice!.SerialNumber!;
    const seed = new TextDecoder().decode(device.VirtualMFADevice!.Base32StringSeed);
    await aws.iam.send(new EnableMFADeviceCommand({ UserName: "taro", SerialNumber: serial, ...(await awsCodes(seed)) }));

    expect(await startVirtualMfa(aws, "hanako")).toEqual({ ok: false, code: "mfa-device-in-use", params: { user: "hanako" } });
    expect(await virtualDevices(aws)).toEqual([{ serial: `arn:aws:iam::${accountId}:mfa/hanako`, user: "taro" }]);
  });

  it("says so when the user does not exist, and creates no device", async () => {
    const { aws } = await withConsoleAdmin();
    expect(await startVirtualMfa(aws, "nobody")).toEqual({ ok: false, code: "user-not-found", params: { user: "nobody" } });
    expect(await virtualDevices(aws)).toEqual([]);
  });

  it("is todo while any console user lacks MFA, admin or not (Prowler iam_user_mfa_enabled_console_access)", async () => {
    const { aws } = await withConsoleAdmin();
    const started = await start(aws, "taro");
    await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...(await phoneCodes(started.secret)) }, ctx());
    // A console user outside admin, and a user without a console password (not counted).
    await aws.iam.send(new CreateUserCommand({ UserName: "guest" }));
    await aws.iam.send(new CreateLoginProfileCommand({ UserName: "guest", Password: PASSWORD }));
    await aws.iam.send(new CreateUserCommand({ UserName: "ci-bot" }));

    const check = await runCheck(userMfa, aws);
    expect(check.state).toBe("todo");
    expect(check.detail).toEqual({
      users: [
        { name: "taro", admin: true, mfa: true },
        { name: "guest", admin: false, mfa: false },
      ],
      keysOnlyAdmins: [],
    });
  });

  // moto accepts any two codes; AWS answers InvalidAuthenticationCode. A mock of EnableMFADevice alone.
  it("turns AWS's InvalidAuthenticationCode into a clear failure (mock of EnableMFADevice only)", async () => {
    const { aws } = await withConsoleAdmin();
    const started = await start(aws, "taro");
    const mock = mockClient(aws.iam);
    mock.on(EnableMFADeviceCommand).rejects(
      new InvalidAuthenticationCodeException({ message: "Authentication code for device is not valid.", $metadata: { httpStatusCode: 403 } }),
    );
    try {
      const res = await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, code1: "123456", code2: "654321" }, ctx());
      expect(res).toEqual({ ok: false, code: "mfa-invalid-codes" });
      expect(mock.commandCalls(EnableMFADeviceCommand)).toHaveLength(1);
      expect(mock.calls()).toHaveLength(1);
    } finally {
      mock.restore();
    }
    // Nothing was enabled; the same device still takes the right codes.
    expect(await devicesOf(aws, "taro")).toEqual([]);
    const res = await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...(await phoneCodes(started.secret)) }, ctx());
    expect(res.ok).toBe(true);
  });

  it("refuses malformed codes before calling AWS", async () => {
    const { aws } = await withConsoleAdmin();
    const started = await start(aws, "taro");
    const send = vi.spyOn(aws.iam, "send");
    const bad = [
      { code1: "12345", code2: "123456" },
      { code1: "123456", code2: "abcdef" },
      { code1: "1234567", code2: "123456" },
      { code1: "", code2: "" },
    ];
    for (const codes of bad) {
      const res = await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...codes }, ctx());
      expect(res).toMatchObject({ ok: false, code: "invalid-input" });
    }
    const wrongSerial = await runFix(userMfa, aws, { userName: "taro", serialNumber: "not-an-arn", code1: "123456", code2: "234567" }, ctx());
    expect(wrongSerial).toMatchObject({ ok: false, code: "invalid-input", params: { field: "serialNumber" } });
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
    expect(await devicesOf(aws, "taro")).toEqual([]);
  });

  it("accepts codes typed with spaces or full-width digits", async () => {
    const { aws } = await withConsoleAdmin();
    const started = await start(aws, "taro");
    const { code1, code2 } = await phoneCodes(started.secret);
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const res = await runFix(
      userMfa,
      aws,
      { userName: "taro", serialNumber: started.serialNumber, code1: `${code1.slice(0, 3)} ${code1.slice(3)}`, code2: fullWidth(code2) },
      ctx(),
    );
    expect(res.ok).toBe(true);
  });
});

/** Issue 8: step 6's one rule, IAM's eventual consistency and abandoned devices (stricter stand-in). */
describe("step 6 against AWS's rules (stricter stand-in)", () => {
  it("is done when every console user has MFA, whichever group they are in; not while there is none", async () => {
    const { aws } = await attendee();
    expect(await runCheck(userMfa, aws)).toMatchObject({ state: "todo", detail: { users: [], keysOnlyAdmins: [] } });
    // The only console user is outside admin (a group made in the console, say), with MFA on.
    await aws.iam.send(new CreateUserCommand({ UserName: "taro" }));
    await aws.iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: PASSWORD }));
    expect(await runCheck(userMfa, aws)).toMatchObject({ state: "todo", detail: { users: [{ name: "taro", admin: false, mfa: false }] } });
    const started = await start(aws, "taro");
    expect((await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...(await phoneCodes(started.secret)) }, ctx())).ok).toBe(true);
    expect(await runCheck(userMfa, aws)).toEqual(expect.objectContaining({ state: "done", detail: { users: [{ name: "taro", admin: false, mfa: true }], keysOnlyAdmins: [] } }));
  });

  it("names a keys-only admin without MFA (Security Hub IAM.19) without holding the step back (IAM.5)", async () => {
    const { aws } = await withConsoleAdmin("taro");
    const started = await start(aws, "taro");
    await runFix(userMfa, aws, { userName: "taro", serialNumber: started.serialNumber, ...(await phoneCodes(started.secret)) }, ctx());
    await aws.iam.send(new CreateUserCommand({ UserName: "deploy-bot" }));
    await aws.iam.send(new AddUserToGroupCommand({ UserName: "deploy-bot", GroupName: "admin" }));
    await aws.iam.send(new CreateAccessKeyCommand({ UserName: "deploy-bot" }));
    expect(await runCheck(userMfa, aws)).toEqual(
      expect.objectContaining({ state: "done", detail: { users: [{ name: "taro", admin: true, mfa: true }], keysOnlyAdmins: ["deploy-bot"] } }),
    );
  });

  it("restarting step 6 removes Hajime's device abandoned long enough ago for another user, never a fresh one or the attendee's own", async () => {
    const { aws } = await withConsoleAdmin("taro");
    expect((await runFix(iamUser, aws, { userName: "hanako", password: PASSWORD }, ctx())).ok).toBe(true);
    await start(aws, "taro"); // abandoned
    await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "my-spare" }));
    // A minute later: taro's QR may still be on someone's screen (another attendee, same account).
    await start(aws, "hanako");
    expect((await virtualDevices(aws)).map((d) => d.serial!.split("mfa/")[1]).sort()).toEqual(["hanako", "my-spare", "taro"]);
    // Twenty minutes later, hanako starts again: taro's device is abandoned and goes.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 20 * 60_000 });
    try {
      await start(aws, "hanako");
    } finally {
      vi.useRealTimers();
    }
    expect((await virtualDevices(aws)).map((d) => d.serial!.split("mfa/")[1]).sort()).toEqual(["hanako", "my-spare"]);
  });

  it("waits out IAM's eventual consistency when a device name was just deleted, and never shows the raw error", async () => {
    const { aws, accountId } = await withConsoleAdmin("taro");
    strictAws().configure(accountId, { rules: { "iam-eventual-consistency": true } });
    const first = await start(aws, "taro");
    const again = await startVirtualMfa(aws, "taro");
    expect(again).toMatchObject({ ok: true, data: { state: "created", serialNumber: first.serialNumber } });
  });
});
