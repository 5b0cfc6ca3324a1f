import "server-only";
import { z } from "zod";
import type { ResourceKindModule } from "@/lib/aws/teardown/kind";
import { accountBlockPublicAccess } from "../steps/s3-block-public-access/server";
import { ebsEncryptionEnabled } from "../steps/ebs-default-encryption/server";

/**
 * Settings this workshop turns on that are free and protect the account: teardown lists
 * them as kept, with the reason, and never turns them off (`keptOnPurpose`). Each is listed
 * when it is on, whoever turned it on.
 */
// Full message keys of the steps' own "kept" texts (the review shows them as the reason).
const KEPT_REASON_KEYS = {
  blockPublicAccess: "steps.s3-block-public-access.kept",
  ebsEncryption: "steps.ebs-default-encryption.kept",
};

const noRemoval = async () => ({ ok: false as const, code: "not-hajime" as const });

export const blockPublicAccessKind = {
  kind: "s3-block-public-access",
  scope: "global",
  identity: "name",
  name: z.string().regex(/^account$/),
  keptOnPurpose: { reason: KEPT_REASON_KEYS.blockPublicAccess },
  async discover({ aws }) {
    const settings = await accountBlockPublicAccess(aws);
    const on = settings !== null && Object.values(settings).some(Boolean);
    return { remove: [], keep: on ? [{ kind: "s3-block-public-access", name: "account", region: "global", reason: "not-hajime" as const }] : [] };
  },
  remove: noRemoval,
} satisfies ResourceKindModule<"s3-block-public-access">;

export const ebsEncryptionKind = {
  kind: "ebs-default-encryption",
  scope: "regional",
  identity: "name-and-region",
  name: z.string().regex(/^default-encryption$/),
  keptOnPurpose: { reason: KEPT_REASON_KEYS.ebsEncryption },
  async discover({ aws }) {
    const on = await ebsEncryptionEnabled(aws);
    return { remove: [], keep: on ? [{ kind: "ebs-default-encryption", name: "default-encryption", region: aws.region, reason: "not-hajime" as const }] : [] };
  },
  remove: noRemoval,
} satisfies ResourceKindModule<"ebs-default-encryption">;
