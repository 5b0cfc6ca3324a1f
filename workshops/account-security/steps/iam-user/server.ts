import "server-only";
import {
  AddUserToGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  UpdateLoginProfileCommand,
} from "@aws-sdk/client-iam";
import { z } from "zod";
import { ADMIN_GROUP, HAJIME_TAG_KEY, HAJIME_TAG_VALUE } from "@/lib/workshop/catalog";
import { stepMeta } from "@/workshops";
import { userNameSchema } from "@/lib/aws/input-schemas";
import {
  AWS_DEFAULT_POLICY,
  MAX_PASSWORD_LENGTH,
  passwordProblems,
  type PasswordPolicy,
} from "@/lib/workshop/password-rules";
import type { Aws } from "@/lib/aws/clients";
import { errorName } from "@/lib/aws/errors";
import { fail, ok } from "@/lib/result";
import { retryWhileSettling } from "@/lib/aws/iam-retry";
import { groupMembers, hasConsolePassword, isEntityAlreadyExists, isNoSuchEntity } from "@/lib/aws/iam-users";
import { mapLimit } from "@/lib/aws/map-limit";
import type { Step } from "@/lib/aws/step";
import { readPasswordPolicy, summarise } from "../password-policy/server";

export type IamUserDetail = {
  groupExists: boolean;
  /** Members of `admin` who can sign in to the console: step 6 works on these. */
  consoleAdmins: string[];
  /** Members of `admin` without a console password. */
  adminsWithoutPassword: string[];
  /** The rules a new password must meet: the account's policy, or IAM's default. */
  passwordPolicy: PasswordPolicy;
  policyIsDefault: boolean;
};

export type IamUserFixResult = {
  userName: string;
  createdUser: boolean;
  /** "created": a new console password; "updated": the user had one and it was replaced. */
  consolePassword: "created" | "updated";
  addedToGroup: boolean;
};

const fixInput = z.object({
  userName: userNameSchema,
  // The policy is checked in fix(), against the account's own rules.
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH * 4),
});

/** The account's password policy as the rules a new password must meet. */
export async function effectivePasswordPolicy(aws: Aws): Promise<{ policy: PasswordPolicy; isDefault: boolean }> {
  const current = summarise(await readPasswordPolicy(aws));
  if (!current) return { policy: AWS_DEFAULT_POLICY, isDefault: true };
  const { minimumLength, requireUppercase, requireLowercase, requireNumbers, requireSymbols } = current;
  return { policy: { minimumLength, requireUppercase, requireLowercase, requireNumbers, requireSymbols }, isDefault: false };
}

async function ensureUser(aws: Aws, userName: string): Promise<boolean> {
  try {
    await aws.iam.send(
      new CreateUserCommand({ UserName: userName, Tags: [{ Key: HAJIME_TAG_KEY, Value: HAJIME_TAG_VALUE }] }),
    );
    return true;
  } catch (error) {
    if (isEntityAlreadyExists(error)) return false;
    throw error;
  }
}

/** A new console password, or a replaced one when the user already has one: the same end state. */
async function ensurePassword(aws: Aws, userName: string, password: string): Promise<"created" | "updated"> {
  try {
    await aws.iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: false }));
    return "created";
  } catch (error) {
    if (!isEntityAlreadyExists(error)) throw error;
  }
  await aws.iam.send(new UpdateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: false }));
  return "updated";
}

function isPasswordPolicyViolation(error: unknown): boolean {
  const name = errorName(error);
  return name === "PasswordPolicyViolationException" || name === "PasswordPolicyViolation";
}

/** Step 5: an IAM user in `admin` with a console password, for everyday work. */
export const iamUser: Step<IamUserDetail, z.infer<typeof fixInput>, IamUserFixResult> = {
  id: "iam-user",
  async check(aws) {
    const [members, { policy, isDefault }] = await Promise.all([groupMembers(aws), effectivePasswordPolicy(aws)]);
    const withPassword = await mapLimit(members ?? [], 5, (name) => hasConsolePassword(aws, name));
    const consoleAdmins = (members ?? []).filter((_, i) => withPassword[i]);
    const adminsWithoutPassword = (members ?? []).filter((_, i) => !withPassword[i]);
    return {
      state: consoleAdmins.length > 0 ? "done" : "todo",
      detail: { groupExists: members !== null, consoleAdmins, adminsWithoutPassword, passwordPolicy: policy, policyIsDefault: isDefault },
    };
  },
  fixInput,
  async fix(aws, { userName, password }) {
    // Our check is the real gate: moto (and a policy changed since the page loaded) would let a weak one through.
    const { policy } = await effectivePasswordPolicy(aws);
    const problems = passwordProblems(password, policy);
    if (problems.length > 0) return fail("password-policy-unmet", { problems: problems.join(" ") });

    // Nothing is created when the group is missing: step 4 makes it, with its policy.
    if ((await groupMembers(aws)) === null) return fail("admin-group-missing", { group: ADMIN_GROUP, number: stepMeta("admin-group").number });

    const createdUser = await ensureUser(aws, userName);
    // A user just made can be NoSuchEntity for a moment (IAM is eventually consistent).
    let passwordState: "created" | "updated";
    try {
      passwordState = await retryWhileSettling(() => ensurePassword(aws, userName, password), isNoSuchEntity);
    } catch (error) {
      if (isPasswordPolicyViolation(error)) return fail("password-policy-unmet", { problems: "" });
      if (isNoSuchEntity(error)) return fail("iam-not-ready");
      throw error;
    }
    const before = await groupMembers(aws);
    const alreadyMember = before?.some((n) => n.toLowerCase() === userName.toLowerCase()) ?? false;
    if (!alreadyMember) {
      try {
        // Adding a user who is already a member succeeds: a stale list above does no harm.
        await retryWhileSettling(() => aws.iam.send(new AddUserToGroupCommand({ UserName: userName, GroupName: ADMIN_GROUP })), isNoSuchEntity);
      } catch (error) {
        if (isNoSuchEntity(error)) return fail("iam-not-ready");
        throw error;
      }
    }
    return ok({ userName, createdUser, consolePassword: passwordState, addedToGroup: !alreadyMember });
  },
};
