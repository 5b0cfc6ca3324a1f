import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createAws } from "@/lib/aws/clients";
import { AWS_DEADLINES } from "@/lib/aws/deadlines";
import { toFailure } from "@/lib/aws/errors";
import { type Result, ok } from "@/lib/result";
import { expiresSoon } from "./expiry";
import { iamRefusesCredentials } from "./iam-probe";
import { identityFromArn, maskIdentity } from "./identity";
import type { ParsedCredentials } from "./parse";
import type { SessionView } from "./session-view";
import { sessionExpiry } from "./sts-lifetime";
import { newSessionId, type Session } from "./vault";

/** Asks STS who these credentials are; only credentials that answer become a session (see admission.ts). */
export async function verifyCredentials(parsed: ParsedCredentials, region: string): Promise<Result<Session>> {
  const keys = {
    accessKeyId: parsed.accessKeyId,
    secretAccessKey: parsed.secretAccessKey,
    sessionToken: parsed.sessionToken,
  };
  try {
    const aws = createAws({ keys, region, accountId: "" }, { budgetMs: AWS_DEADLINES.signInMs });
    const who = await aws.sts.send(new GetCallerIdentityCommand({}));
    if (!who.Account || !who.Arn) return { ok: false, code: "aws-error", params: { name: "NoIdentity" } };
    const identity = identityFromArn(who.Arn, who.Account);
    const iamRefused = await iamRefusesCredentials(aws, identity);
    const now = Date.now();
    const { expiresAt } = sessionExpiry(identity.kind, parsed.expiration, now);
    return ok({
      id: newSessionId(),
      keys,
      region,
      identity,
      iamRefused,
      expiresAt,
      expiryKnown: parsed.expiration !== undefined,
      fromGetSessionToken: parsed.fromGetSessionToken,
      createdAt: now,
    });
  } catch (error) {
    return toFailure(error);
  }
}

export function sessionView(session: Session): SessionView {
  const warnings: SessionView["warnings"] = [];
  if (session.iamRefused) warnings.push("iam-refused");
  if (expiresSoon(session)) warnings.push("expires-soon");
  if (session.identity.kind === "root") warnings.push("root-user");
  return {
    identity: maskIdentity(session.identity),
    region: session.region,
    expiresAt: session.expiresAt,
    expiryKnown: session.expiryKnown,
    warnings,
  };
}
