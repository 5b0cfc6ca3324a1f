import {
  AddUserToGroupCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  GetGroupCommand,
  GetLoginProfileCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { describe, expect, it, vi } from "vitest";
import type { Aws } from "@/lib/aws/clients";
import { aliasOrAccountId } from "@/lib/aws/iam-users";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix, runFixAndCheck } from "@/lib/aws/run";
import { adminGroup } from "@/workshops/account-security/steps/admin-group/server";
import { iamUser } from "@/workshops/account-security/steps/iam-user/server";
import { passwordPolicy } from "@/workshops/account-security/steps/password-policy/server";
import { AWS_DEFAULT_POLICY, BASELINE_POLICY } from "@/lib/workshop/password-rules";
import { consoleSignInUrl } from "@/lib/workshop/sign-in-url";
import { attendee } from "@/tests/aws/attendee";
import { affectedBy } from "@/workshops";
import { serverStep } from "@/workshops/server";
import { strictAws } from "@/tests/aws/strict";

const ctx = () => ({ ledger: new MemoryLedger() });
const GOOD = "Kd7#mPq2xW!vT9";

async function withAdminGroup(): Promise<Aws> {
  const { aws } = await attendee();
  expect((await runFix(adminGroup, aws, {}, ctx())).ok).toBe(true);
  return aws;
}

const userNames = async (aws: Aws) => ((await aws.iam.send(new ListUsersCommand({}))).Users ?? []).map((u) => u.UserName);
const adminMembers = async (aws: Aws) =>
  ((await aws.iam.send(new GetGroupCommand({ GroupName: "admin" }))).Users ?? []).map((u) => u.UserName);

describe("step 5: IAM user (moto)", () => {
  it("is todo in a new account, with IAM's default password rules", async () => {
    const { aws } = await attendee();
    const check = await runCheck(iamUser, aws);
    expect(check).toMatchObject({
      state: "todo",
      detail: { groupExists: false, consoleAdmins: [], adminsWithoutPassword: [], passwordPolicy: AWS_DEFAULT_POLICY, policyIsDefault: true },
    });
  });

  it("reports the account's own policy once step 3 set it", async () => {
    const { aws } = await attendee();
    await runFix(passwordPolicy, aws, { minimumLength: 14 }, ctx());
    const check = await runCheck(iamUser, aws);
    expect(check.detail).toMatchObject({ passwordPolicy: { ...BASELINE_POLICY, minimumLength: 14 }, policyIsDefault: false });
  });

  it("creates the user, its console password and its membership of admin; twice is the same", async () => {
    const aws = await withAdminGroup();
    const first = await runFix(iamUser, aws, { userName: "taro", password: GOOD }, ctx());
    expect(first).toEqual({ ok: true, data: { userName: "taro", createdUser: true, consolePassword: "created", addedToGroup: true } });
    const second = await runFix(iamUser, aws, { userName: "taro", password: GOOD }, ctx());
    // The password goes to AWS and nowhere else: not back to the page.
    expect(JSON.stringify([first, second])).not.toContain(GOOD);
    expect(second).toEqual({ ok: true, data: { userName: "taro", createdUser: false, consolePassword: "updated", addedToGroup: false } });

    expect(await userNames(aws)).toEqual(["taro"]);
    expect(await adminMembers(aws)).toEqual(["taro"]);
    const profile = await aws.iam.send(new GetLoginProfileCommand({ UserName: "taro" }));
    expect(profile.LoginProfile?.UserName).toBe("taro");
    const tags = await aws.iam.send(new ListUserTagsCommand({ UserName: "taro" }));
    expect(tags.Tags).toEqual([{ Key: "hajime:created-by", Value: "hajime" }]);
    expect(await runCheck(iamUser, aws)).toMatchObject({ state: "done", detail: { consoleAdmins: ["taro"] } });
  });

  it("finishes a half-done run: the user exists without a console password", async () => {
    const aws = await withAdminGroup();
    await aws.iam.send(new CreateUserCommand({ UserName: "hanako" }));
    await aws.iam.send(new AddUserToGroupCommand({ UserName: "hanako", GroupName: "admin" }));
    expect(await runCheck(iamUser, aws)).toMatchObject({ state: "todo", detail: { consoleAdmins: [], adminsWithoutPassword: ["hanako"] } });

    const res = await runFix(iamUser, aws, { userName: "hanako", password: GOOD }, ctx());
    expect(res).toEqual({ ok: true, data: { userName: "hanako", createdUser: false, consolePassword: "created", addedToGroup: false } });
    expect(await runCheck(iamUser, aws)).toMatchObject({ state: "done", detail: { consoleAdmins: ["hanako"], adminsWithoutPassword: [] } });
  });

  it("finishes a half-done run: the user has a password but is not in admin", async () => {
    const aws = await withAdminGroup();
    await aws.iam.send(new CreateUserCommand({ UserName: "jiro" }));
    await aws.iam.send(new CreateLoginProfileCommand({ UserName: "jiro", Password: GOOD }));
    expect(await runCheck(iamUser, aws)).toMatchObject({ state: "todo", detail: { consoleAdmins: [] } });

    const res = await runFix(iamUser, aws, { userName: "jiro", password: GOOD }, ctx());
    expect(res).toEqual({ ok: true, data: { userName: "jiro", createdUser: false, consolePassword: "updated", addedToGroup: true } });
    expect(await adminMembers(aws)).toEqual(["jiro"]);
    expect((await runCheck(iamUser, aws)).state).toBe("done");
  });

  it("says the group is missing (step 4) and creates nothing", async () => {
    const { aws } = await attendee();
    const res = await runFix(iamUser, aws, { userName: "taro", password: GOOD }, ctx());
    expect(res).toEqual({ ok: false, code: "admin-group-missing", params: { group: "admin", number: 4 } });
    expect(await userNames(aws)).toEqual([]);
  });

  it("works with a group made in the console without the policy (step 4 stays todo)", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateGroupCommand({ GroupName: "admin" }));
    expect((await runFix(iamUser, aws, { userName: "taro", password: GOOD }, ctx())).ok).toBe(true);
    expect((await runCheck(iamUser, aws)).state).toBe("done");
    expect((await runCheck(adminGroup, aws)).state).toBe("todo");
  });

  // moto accepts any password for CreateLoginProfile: this check is the real gate.
  it("refuses a password the account's policy forbids, before creating anything", async () => {
    const aws = await withAdminGroup();
    await runFix(passwordPolicy, aws, {}, ctx());
    const res = await runFix(iamUser, aws, { userName: "taro", password: "abcdefgH1" }, ctx());
    expect(res).toEqual({ ok: false, code: "password-policy-unmet", params: { problems: "needs-symbol" } });
    expect(await userNames(aws)).toEqual([]);

    const short = await runFix(iamUser, aws, { userName: "taro", password: "aB1!" }, ctx());
    expect(short).toMatchObject({ ok: false, code: "password-policy-unmet", params: { problems: "too-short" } });
  });

  it("applies IAM's default rules (three character types) when the account has no policy", async () => {
    const aws = await withAdminGroup();
    const weak = await runFix(iamUser, aws, { userName: "taro", password: "abcdefghij" }, ctx());
    expect(weak).toEqual({ ok: false, code: "password-policy-unmet", params: { problems: "needs-more-types" } });
    expect((await runFix(iamUser, aws, { userName: "taro", password: "abcdefgH1" }, ctx())).ok).toBe(true);
  });

  it("uses a policy tightened after the page loaded", async () => {
    const aws = await withAdminGroup();
    await runFix(passwordPolicy, aws, {}, ctx());
    await aws.iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 20,
        RequireLowercaseCharacters: true,
        RequireUppercaseCharacters: true,
        RequireNumbers: true,
        RequireSymbols: true,
      }),
    );
    const res = await runFix(iamUser, aws, { userName: "taro", password: GOOD }, ctx());
    expect(res).toMatchObject({ ok: false, code: "password-policy-unmet", params: { problems: "too-short" } });
  });

  it("logs nothing, so the password cannot end up in a log", async () => {
    const aws = await withAdminGroup();
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level));
    try {
      expect((await runFix(iamUser, aws, { userName: "taro", password: "weak" }, ctx())).ok).toBe(false);
      expect((await runFix(iamUser, aws, { userName: "taro", password: GOOD }, ctx())).ok).toBe(true);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("refuses a malformed user name without calling AWS", async () => {
    const aws = await withAdminGroup();
    const send = vi.spyOn(aws.iam, "send");
    for (const userName of ["", "ta ro", "太郎", "x".repeat(65), "a/b"]) {
      const res = await runFix(iamUser, aws, { userName, password: GOOD }, ctx());
      expect(res).toMatchObject({ ok: false, code: "invalid-input", params: { field: "userName" } });
    }
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
    expect(await userNames(aws)).toEqual([]);
  });

  it("signs in at the account id, or at the alias when there is one", async () => {
    const { aws, accountId } = await attendee();
    expect(consoleSignInUrl(await aliasOrAccountId(aws), aws.partition)).toBe(`https://${accountId}.signin.aws.amazon.com/console`);
    const alias = `hajime-${accountId}`;
    await aws.iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
    expect(consoleSignInUrl(await aliasOrAccountId(aws), aws.partition)).toBe(`https://${alias}.signin.aws.amazon.com/console`);
  });
});

/** Issue 8, item 5: IAM is eventually consistent (stricter stand-in: iam-eventual-consistency). */
describe("step 5 while IAM is still spreading a change (stricter stand-in)", () => {
  it("creates the user, its password and its membership although IAM says NoSuchEntity for a moment", async () => {
    const { aws, accountId } = await attendee();
    expect((await runFix(adminGroup, aws, {}, ctx())).ok).toBe(true);
    strictAws().configure(accountId, { rules: { "iam-eventual-consistency": true } });
    const res = await runFix(iamUser, aws, { userName: "taro", password: GOOD }, ctx());
    expect(res).toEqual({ ok: true, data: { userName: "taro", createdUser: true, consolePassword: "created", addedToGroup: true } });
  });

  it("re-checks after the fix until IAM shows the change, so the card does not say 'to do' after success", async () => {
    const { aws, accountId } = await attendee();
    expect((await runFix(adminGroup, aws, {}, ctx())).ok).toBe(true);
    strictAws().configure(accountId, { rules: { "iam-eventual-consistency": true } });
    const res = await runFixAndCheck(iamUser, aws, { userName: "taro", password: GOOD }, ctx());
    expect(res).toMatchObject({ ok: true, data: { outcome: { state: "done", detail: { consoleAdmins: ["taro"] } } } });
  });

  it("comes back re-checked with step 4's fix, which it is among the steps affected by", async () => {
    const { aws } = await attendee();
    expect(affectedBy("admin-group")).toEqual(["iam-user"]);
    const res = await runFixAndCheck(adminGroup, aws, {}, ctx(), affectedBy("admin-group").map(serverStep));
    expect(res).toMatchObject({ ok: true, data: { outcome: { id: "admin-group", state: "done" }, affected: [{ id: "iam-user", detail: { groupExists: true } }] } });
  });

  it("is not re-checked when the fix that affects it fails", async () => {
    const { aws } = await attendee();
    const res = await runFixAndCheck(passwordPolicy, aws, { minimumLength: 3 }, ctx(), affectedBy("password-policy").map(serverStep));
    expect(res.ok).toBe(false);
  });
});
