import { GetAccountPasswordPolicyCommand, UpdateAccountPasswordPolicyCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { passwordPolicy } from "@/workshops/account-security/steps/password-policy/server";
import { attendee } from "@/tests/aws/attendee";

const ctx = () => ({ ledger: new MemoryLedger() });

describe("step 3: password policy (moto)", () => {
  it("is todo without a policy, done after the fix, and the fix twice is the same", async () => {
    const { aws } = await attendee();
    const before = await runCheck(passwordPolicy, aws);
    expect(before.state).toBe("todo");
    expect(before.detail).toMatchObject({ current: null });

    const first = await runFix(passwordPolicy, aws, {}, ctx());
    expect(first.ok).toBe(true);
    const policy1 = (await aws.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    const second = await runFix(passwordPolicy, aws, {}, ctx());
    expect(second.ok).toBe(true);
    const policy2 = (await aws.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;

    expect(policy2).toEqual(policy1);
    expect(policy2).toMatchObject({
      MinimumPasswordLength: 8,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: true,
      AllowUsersToChangePassword: true,
    });
    expect((await runCheck(passwordPolicy, aws)).state).toBe("done");
  });

  it("keeps stricter values the account already has", async () => {
    const { aws } = await attendee();
    await aws.iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 16,
        RequireNumbers: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 5,
        AllowUsersToChangePassword: false,
      }),
    );
    expect((await runCheck(passwordPolicy, aws)).state).toBe("todo");
    const res = await runFix(passwordPolicy, aws, {}, ctx());
    expect(res.ok).toBe(true);
    const p = (await aws.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    expect(p).toMatchObject({
      MinimumPasswordLength: 16,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 5,
      AllowUsersToChangePassword: false,
      RequireSymbols: true,
      RequireUppercaseCharacters: true,
    });
    const check = await runCheck(passwordPolicy, aws);
    expect(check.state).toBe("done");
    expect(check.detail).toMatchObject({ meetsCis: true });
  });

  it("sets 14 characters when the attendee asks for the CIS length", async () => {
    const { aws } = await attendee();
    expect((await runFix(passwordPolicy, aws, { minimumLength: 14 }, ctx())).ok).toBe(true);
    const p = (await aws.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    expect(p?.MinimumPasswordLength).toBe(14);
  });

  it("refuses a length below the baseline before calling AWS", async () => {
    const { aws } = await attendee();
    const res = await runFix(passwordPolicy, aws, { minimumLength: 4 }, ctx());
    expect(res).toMatchObject({ ok: false, code: "invalid-input" });
    expect((await runCheck(passwordPolicy, aws)).state).toBe("todo");
  });

  it("is done for a policy that already meets the baseline, with nothing to fix", async () => {
    const { aws } = await attendee();
    await aws.iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 10,
        RequireNumbers: true,
        RequireSymbols: true,
        RequireLowercaseCharacters: true,
        RequireUppercaseCharacters: true,
      }),
    );
    const check = await runCheck(passwordPolicy, aws);
    expect(check.state).toBe("done");
    expect(check.detail).toMatchObject({ meetsCis: false, current: { minimumLength: 10 } });
  });
});
