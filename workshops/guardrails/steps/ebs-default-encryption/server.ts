import "server-only";
import { EnableEbsEncryptionByDefaultCommand, GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import type { Aws } from "@/lib/aws/clients";
import { ok } from "@/lib/result";
import type { Step } from "@/lib/aws/step";
import { ec2Client } from "@/workshops/guardrails/clients";

export type EbsEncryptionDetail = { region: string; enabled: boolean };

export type EbsEncryptionFixReport = { action: "enabled" | "already-enabled"; region: string };

export async function ebsEncryptionEnabled(aws: Aws): Promise<boolean> {
  const out = await ec2Client(aws).send(new GetEbsEncryptionByDefaultCommand({}));
  return out.EbsEncryptionByDefault === true;
}

/**
 * EBS encryption by default, in the session's Region only (it is a per-Region setting).
 * New volumes are encrypted with the default KMS key (aws/ebs); existing volumes are not
 * changed. Free and protective: teardown keeps it.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableEbsEncryptionByDefault.html
 */
export const ebsDefaultEncryption: Step<EbsEncryptionDetail, Record<string, never>, EbsEncryptionFixReport> = {
  id: "ebs-default-encryption",

  async check(aws) {
    const enabled = await ebsEncryptionEnabled(aws);
    return { state: enabled ? "done" : "todo", detail: { region: aws.region, enabled } };
  },

  async fix(aws) {
    if (await ebsEncryptionEnabled(aws)) return ok({ action: "already-enabled", region: aws.region });
    await ec2Client(aws).send(new EnableEbsEncryptionByDefaultCommand({}));
    return ok({ action: "enabled", region: aws.region });
  },
};
