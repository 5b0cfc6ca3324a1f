import "server-only";
import { ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import type { Aws } from "@/lib/aws/clients";
import { errorName } from "@/lib/aws/errors";
import type { CallerIdentity } from "./identity";

/**
 * Whether IAM refuses credentials that STS accepted. Credentials from
 * `aws sts get-session-token` made without an MFA code "cannot call any IAM API operations"
 * (IAM answers InvalidClientTokenId), nor can `get-federation-token` credentials; sign-in
 * succeeds either way, since GetCallerIdentity still works. One IAM read at sign-in tells,
 * so the attendee learns it before steps 1–6 fail. Role sessions (assume-role, Identity
 * Center) can call IAM, so they are not asked. Anything but a refused token (a denial, a
 * network error) says nothing about this and is ignored here.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
export async function iamRefusesCredentials(aws: Aws, identity: CallerIdentity): Promise<boolean> {
  if (identity.kind === "role") return false;
  try {
    await aws.iam.send(new ListAccountAliasesCommand({ MaxItems: 1 }));
    return false;
  } catch (error) {
    return errorName(error) === "InvalidClientTokenId";
  }
}
