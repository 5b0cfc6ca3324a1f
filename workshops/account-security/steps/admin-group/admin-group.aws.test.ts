import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupsCommand,
} from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { MemoryLedger } from "@/lib/aws/ledger";
import { runCheck, runFix } from "@/lib/aws/run";
import { adminGroup } from "@/workshops/account-security/steps/admin-group/server";
import { attendee } from "@/tests/aws/attendee";

const ctx = () => ({ ledger: new MemoryLedger() });
const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

async function attached(aws: Awaited<ReturnType<typeof attendee>>["aws"]) {
  const out = await aws.iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: "admin" }));
  return (out.AttachedPolicies ?? []).map((p) => p.PolicyArn);
}

describe("step 4: admin group (moto)", () => {
  it("is todo in a new account, and says both parts are missing", async () => {
    const { aws } = await attendee();
    const check = await runCheck(adminGroup, aws);
    expect(check).toMatchObject({ state: "todo", detail: { groupExists: false, policyAttached: false } });
  });

  it("creates the group and attaches AdministratorAccess; twice is the same", async () => {
    const { aws } = await attendee();
    const first = await runFix(adminGroup, aws, {}, ctx());
    expect(first).toEqual({ ok: true, data: { createdGroup: true, attachedPolicy: true } });
    const second = await runFix(adminGroup, aws, {}, ctx());
    expect(second).toEqual({ ok: true, data: { createdGroup: false, attachedPolicy: false } });

    expect(await attached(aws)).toEqual([ADMIN_ARN]);
    const groups = (await aws.iam.send(new ListGroupsCommand({}))).Groups ?? [];
    expect(groups.map((g) => g.GroupName)).toEqual(["admin"]);
    expect(await runCheck(adminGroup, aws)).toMatchObject({ state: "done", detail: { groupExists: true, policyAttached: true } });
  });

  it("is not done for a group without the policy, and the fix only attaches it", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateGroupCommand({ GroupName: "admin" }));
    expect(await runCheck(adminGroup, aws)).toMatchObject({ state: "todo", detail: { groupExists: true, policyAttached: false } });

    expect(await runFix(adminGroup, aws, {}, ctx())).toEqual({ ok: true, data: { createdGroup: false, attachedPolicy: true } });
    expect(await attached(aws)).toEqual([ADMIN_ARN]);
    expect((await runCheck(adminGroup, aws)).state).toBe("done");
  });

  it("does not count another policy (ReadOnlyAccess) as AdministratorAccess, and keeps it", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateGroupCommand({ GroupName: "admin" }));
    await aws.iam.send(new AttachGroupPolicyCommand({ GroupName: "admin", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    expect(await runCheck(adminGroup, aws)).toMatchObject({ state: "todo", detail: { policyAttached: false } });
    expect((await runFix(adminGroup, aws, {}, ctx())).ok).toBe(true);
    expect((await attached(aws)).sort()).toEqual([ADMIN_ARN, "arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    expect((await runCheck(adminGroup, aws)).state).toBe("done");
  });

  it("is done when the attendee already set it up in the console", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateGroupCommand({ GroupName: "admin" }));
    await aws.iam.send(new AttachGroupPolicyCommand({ GroupName: "admin", PolicyArn: ADMIN_ARN }));
    expect((await runCheck(adminGroup, aws)).state).toBe("done");
  });
});
