import type { StepMeta } from "@/workshops/types";
import { regionalConsole } from "@/workshops/console-urls";

export const ebsDefaultEncryptionMeta = {
  id: "ebs-default-encryption",
  billable: false,
  consoleOnly: false,
  part: "account-protection",
  // EC2 → Account attributes → Data protection and security → EBS encryption (per Region).
  consoleUrl: regionalConsole("ec2", "Settings:tab=ebsEncryption"),
} as const satisfies StepMeta;
