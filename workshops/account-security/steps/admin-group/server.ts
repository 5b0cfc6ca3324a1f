import "server-only";
import { AttachGroupPolicyCommand, CreateGroupCommand, paginateListAttachedGroupPolicies } from "@aws-sdk/client-iam";
import { z } from "zod";
import { ADMIN_GROUP } from "@/lib/workshop/catalog";
import type { Aws } from "@/lib/aws/clients";
import { ok } from "@/lib/result";
import { groupExists, isEntityAlreadyExists, isNoSuchEntity } from "@/lib/aws/iam-users";
import type { Step } from "@/lib/aws/step";

export type AdminGroupDetail = {
  groupExists: boolean;
  policyAttached: boolean;
};

/** What the fix did, so the card can say it. */
export type AdminGroupFixResult = { createdGroup: boolean; attachedPolicy: boolean };

export function administratorAccessArn(aws: Aws): string {
  return `arn:${aws.partition}:iam::aws:policy/AdministratorAccess`;
}

async function policyAttached(aws: Aws): Promise<boolean> {
  const wanted = administratorAccessArn(aws);
  try {
    for await (const page of paginateListAttachedGroupPolicies({ client: aws.iam }, { GroupName: ADMIN_GROUP })) {
      if (page.AttachedPolicies?.some((p) => p.PolicyArn === wanted)) return true;
    }
  } catch (error) {
    if (isNoSuchEntity(error)) return false;
    throw error;
  }
  return false;
}

async function readState(aws: Aws): Promise<AdminGroupDetail> {
  const exists = await groupExists(aws);
  return { groupExists: exists, policyAttached: exists && (await policyAttached(aws)) };
}

/** Step 4: the group `admin` with the AWS managed policy AdministratorAccess attached. */
export const adminGroup: Step<AdminGroupDetail, Record<string, never>, AdminGroupFixResult> = {
  id: "admin-group",
  async check(aws) {
    const detail = await readState(aws);
    return { state: detail.groupExists && detail.policyAttached ? "done" : "todo", detail };
  },
  fixInput: z.object({}).strict(),
  async fix(aws) {
    const before = await readState(aws);
    let createdGroup = false;
    if (!before.groupExists) {
      try {
        await aws.iam.send(new CreateGroupCommand({ GroupName: ADMIN_GROUP }));
        createdGroup = true;
      } catch (error) {
        // Created meanwhile (another tab, the console): the same end state.
        if (!isEntityAlreadyExists(error)) throw error;
      }
    }
    // Attaching a policy that is already attached succeeds and changes nothing.
    if (!before.policyAttached) {
      await aws.iam.send(new AttachGroupPolicyCommand({ GroupName: ADMIN_GROUP, PolicyArn: administratorAccessArn(aws) }));
    }
    return ok({ createdGroup, attachedPolicy: !before.policyAttached });
  },
};
