import { newSessionId, type Session } from "@/lib/credentials/vault";

/** A live session of a role in `account`, good for an hour, as the vault holds one (not yet put there). */
export function testSession(account: string, accessKeyId = `ASIA${account}`): Session {
  return {
    id: newSessionId(),
    keys: { accessKeyId, secretAccessKey: "s".repeat(40), sessionToken: "t".repeat(100) },
    region: "ap-northeast-1",
    identity: { kind: "role", accountId: account, arn: `arn:aws:sts::${account}:assumed-role/r/s`, name: "r/s", partition: "aws" },
    expiresAt: Date.now() + 3_600_000,
    expiryKnown: true,
    fromGetSessionToken: false,
    createdAt: Date.now(),
  };
}
