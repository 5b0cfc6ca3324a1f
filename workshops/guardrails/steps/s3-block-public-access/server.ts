import "server-only";
import { GetPublicAccessBlockCommand, PutPublicAccessBlockCommand, type PublicAccessBlockConfiguration } from "@aws-sdk/client-s3-control";
import type { Aws } from "@/lib/aws/clients";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { ok } from "@/lib/result";
import type { Step } from "@/lib/aws/step";
import { BPA_FLAGS, type BpaFlag } from "./flags";
import { s3controlClient } from "@/workshops/guardrails/clients";

export { BPA_FLAGS, type BpaFlag };

export type BlockPublicAccessDetail = {
  /** null: the account has no Block Public Access configuration (all four off). */
  settings: Record<BpaFlag, boolean> | null;
};

export type BlockPublicAccessFixReport = { action: "turned-on" | "already-on" };

const ALL_ON: Required<Pick<PublicAccessBlockConfiguration, BpaFlag>> = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

/**
 * The account's S3 Block Public Access settings (account level, every Region, every
 * bucket), or null when none was ever set: S3 answers NoSuchPublicAccessBlockConfiguration.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html
 */
export async function accountBlockPublicAccess(aws: Aws): Promise<BlockPublicAccessDetail["settings"]> {
  try {
    const out = await s3controlClient(aws).send(new GetPublicAccessBlockCommand({ AccountId: aws.accountId }));
    const c = out.PublicAccessBlockConfiguration ?? {};
    return Object.fromEntries(BPA_FLAGS.map((f) => [f, c[f] === true])) as Record<BpaFlag, boolean>;
  } catch (error) {
    if (isAwsError(error, "NoSuchPublicAccessBlockConfiguration")) return null;
    throw error;
  }
}

const allOn = (s: BlockPublicAccessDetail["settings"]) => Boolean(s && BPA_FLAGS.every((f) => s[f]));

/**
 * Free and protective: teardown keeps it. Turning it on overrides public access that a
 * bucket policy or ACL grants, in every bucket of the account; the card says so first.
 */
export const s3BlockPublicAccess: Step<BlockPublicAccessDetail, Record<string, never>, BlockPublicAccessFixReport> = {
  id: "s3-block-public-access",

  async check(aws) {
    const settings = await accountBlockPublicAccess(aws);
    return { state: allOn(settings) ? "done" : "todo", detail: { settings } };
  },

  async fix(aws) {
    if (allOn(await accountBlockPublicAccess(aws))) return ok({ action: "already-on" });
    // The whole configuration is replaced: all four on, whatever was on before.
    await s3controlClient(aws).send(new PutPublicAccessBlockCommand({ AccountId: aws.accountId, PublicAccessBlockConfiguration: ALL_ON }));
    return ok({ action: "turned-on" });
  },
};
