import "server-only";
import {
  GetAccountPasswordPolicyCommand,
  NoSuchEntityException,
  UpdateAccountPasswordPolicyCommand,
  type PasswordPolicy as IamPasswordPolicy,
} from "@aws-sdk/client-iam";
import { z } from "zod";
import {
  BASELINE_POLICY,
  CIS_MINIMUM_LENGTH,
  meetsBaseline,
  type PasswordPolicy,
} from "@/lib/workshop/password-rules";
import type { Aws } from "@/lib/aws/clients";
import { ok } from "@/lib/result";
import { shareInFlight } from "@/lib/aws/in-flight";
import { mergePasswordPolicy } from "./policy-merge";
import type { Step } from "@/lib/aws/step";

export type PasswordPolicyDetail = {
  /** null: the account has no policy (IAM's default applies). */
  current: (PasswordPolicy & { allowUsersToChangePassword: boolean; maxPasswordAge?: number; passwordReusePrevention?: number }) | null;
  target: PasswordPolicy;
  meetsCis: boolean;
};

const fixInput = z.object({
  minimumLength: z.coerce.number().int().min(BASELINE_POLICY.minimumLength).max(128).default(BASELINE_POLICY.minimumLength),
});

/** The account's password policy, or null; steps 3 and 5 checked together share one read. */
export function readPasswordPolicy(aws: Aws): Promise<IamPasswordPolicy | null> {
  return shareInFlight(aws, "GetAccountPasswordPolicy", () => readPolicy(aws));
}

async function readPolicy(aws: Aws): Promise<IamPasswordPolicy | null> {
  try {
    const out = await aws.iam.send(new GetAccountPasswordPolicyCommand({}));
    return out.PasswordPolicy ?? null;
  } catch (error) {
    if (error instanceof NoSuchEntityException || (error as { name?: string }).name === "NoSuchEntity") {
      return null;
    }
    throw error;
  }
}

export function summarise(p: IamPasswordPolicy | null): PasswordPolicyDetail["current"] {
  if (!p) return null;
  return {
    minimumLength: p.MinimumPasswordLength ?? 8,
    requireUppercase: Boolean(p.RequireUppercaseCharacters),
    requireLowercase: Boolean(p.RequireLowercaseCharacters),
    requireNumbers: Boolean(p.RequireNumbers),
    requireSymbols: Boolean(p.RequireSymbols),
    allowUsersToChangePassword: Boolean(p.AllowUsersToChangePassword),
    ...(p.MaxPasswordAge ? { maxPasswordAge: p.MaxPasswordAge } : {}),
    ...(p.PasswordReusePrevention ? { passwordReusePrevention: p.PasswordReusePrevention } : {}),
  };
}

export const passwordPolicy: Step<PasswordPolicyDetail, z.infer<typeof fixInput>, PasswordPolicyDetail> = {
  id: "password-policy",
  async check(aws) {
    const current = summarise(await readPasswordPolicy(aws));
    return {
      state: meetsBaseline(current) ? "done" : "todo",
      detail: { current, target: BASELINE_POLICY, meetsCis: (current?.minimumLength ?? 0) >= CIS_MINIMUM_LENGTH },
    };
  },
  fixInput,
  async fix(aws, input) {
    const before = await readPasswordPolicy(aws);
    await aws.iam.send(new UpdateAccountPasswordPolicyCommand(mergePasswordPolicy(before, input.minimumLength)));
    const after = summarise(await readPasswordPolicy(aws));
    return ok({ current: after, target: BASELINE_POLICY, meetsCis: (after?.minimumLength ?? 0) >= CIS_MINIMUM_LENGTH });
  },
};
