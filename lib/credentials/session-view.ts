import type { MaskedIdentity } from "./identity";

/** What the browser may know about a session: no keys, no full account id, no ARN. */
export type SessionView = {
  identity: MaskedIdentity;
  region: string;
  expiresAt: number;
  expiryKnown: boolean;
  warnings: SessionWarning[];
};

export type SessionWarning = "iam-refused" | "expires-soon" | "root-user";
