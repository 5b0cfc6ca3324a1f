/**
 * Who a set of credentials belongs to, from the ARN sts:GetCallerIdentity returns.
 * Kept in server memory with the session; the UI only ever gets `maskIdentity`.
 */

export type IdentityKind = "root" | "user" | "role" | "federated";

export type CallerIdentity = {
  kind: IdentityKind;
  accountId: string;
  arn: string;
  /** User name, role name (with session name), or federated user name. */
  name: string;
  partition: string;
};

export type MaskedIdentity = {
  kind: IdentityKind;
  /** "********1234" */
  account: string;
  name: string;
};

export function identityFromArn(arn: string, accountId: string): CallerIdentity {
  const m = arn.match(/^arn:(aws[a-z-]*):(iam|sts)::(\d{12}):(.+)$/);
  if (!m) return { kind: "user", accountId, arn, name: arn, partition: "aws" };
  const [, partition, , , resource] = m;
  if (resource === "root") return { kind: "root", accountId, arn, name: "root", partition };
  if (resource.startsWith("user/")) {
    return { kind: "user", accountId, arn, name: resource.split("/").pop()!, partition };
  }
  if (resource.startsWith("assumed-role/")) {
    const [, role, sessionName] = resource.split("/");
    return { kind: "role", accountId, arn, name: sessionName ? `${role}/${sessionName}` : role, partition };
  }
  if (resource.startsWith("federated-user/")) {
    return { kind: "federated", accountId, arn, name: resource.slice("federated-user/".length), partition };
  }
  return { kind: "user", accountId, arn, name: resource, partition };
}

export function maskAccountId(accountId: string): string {
  return `${"*".repeat(Math.max(0, accountId.length - 4))}${accountId.slice(-4)}`;
}

export function maskIdentity(identity: CallerIdentity): MaskedIdentity {
  return { kind: identity.kind, account: maskAccountId(identity.accountId), name: identity.name };
}
