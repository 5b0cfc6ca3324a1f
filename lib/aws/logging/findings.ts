import "server-only";
import type { Finding } from "@aws-sdk/client-guardduty";
import { sortBySeverity, type FindingResource, type FindingView } from "@/lib/workshop/findings";

/** The criterion that selects sample findings (GuardDuty marks them in additionalInfo). */
export const SAMPLE_CRITERIA = { Criterion: { "service.additionalInfo.sample": { Equals: ["true"] } } };

/**
 * Sample finding types to generate: the one the original hands-on points at first, then a
 * handful that span every severity band and the kinds of resource GuardDuty watches.
 */
export const SAMPLE_FINDING_TYPES = [
  "CryptoCurrency:EC2/BitcoinTool.B!DNS",
  "Backdoor:EC2/C&CActivity.B!DNS",
  "Trojan:EC2/DNSDataExfiltration",
  "UnauthorizedAccess:EC2/SSHBruteForce",
  "Recon:EC2/PortProbeUnprotectedPort",
  "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
  "Policy:IAMUser/RootCredentialUsage",
  "Stealth:IAMUser/CloudTrailLoggingDisabled",
  "Policy:S3/BucketBlockPublicAccessDisabled",
] as const;

const ARN = /\barn:aws[a-z-]*:[^\s"',;)]+/g;

/** Text from AWS, with ARNs shortened to their last part and the account id masked. */
export function scrub(text: string, accountId: string): string {
  let out = text.replace(ARN, (arn) => arn.split(/[:/]/).filter(Boolean).at(-1) ?? "");
  if (accountId) out = out.split(accountId).join(`********${accountId.slice(-4)}`);
  return out.replace(/\b\d{12}\b/g, (n) => `********${n.slice(-4)}`);
}

function resourceOf(f: Finding, accountId: string): FindingResource {
  const r = f.Resource ?? {};
  const type = r.ResourceType ?? "Unknown";
  const s = (v: string | undefined) => (v ? scrub(v, accountId) : undefined);
  // A finding may carry several details (an S3 finding names the access key too): the
  // ResourceType says which one the finding is about.
  switch (type) {
    case "Instance":
      return { type, id: s(r.InstanceDetails?.InstanceId), extra: s(r.InstanceDetails?.InstanceType) };
    case "AccessKey":
      return { type, id: s(r.AccessKeyDetails?.UserName), extra: s(r.AccessKeyDetails?.UserType) };
    case "S3Bucket":
    case "S3Object":
      return { type, id: s(r.S3BucketDetails?.[0]?.Name) };
    case "EKSCluster":
      return { type, id: s(r.EksClusterDetails?.Name) };
    case "ECSCluster":
      return { type, id: s(r.EcsClusterDetails?.Name) };
    case "Lambda":
      return { type, id: s(r.LambdaDetails?.FunctionName) };
    case "RDSDBInstance":
      return { type, id: s(r.RdsDbInstanceDetails?.DbInstanceIdentifier) };
    case "Container":
      return { type, id: s(r.ContainerDetails?.Name) };
    default:
      return { type, id: s(r.InstanceDetails?.InstanceId ?? r.AccessKeyDetails?.UserName ?? r.S3BucketDetails?.[0]?.Name) };
  }
}

function actionOf(f: Finding, accountId: string): FindingView["action"] {
  const a = f.Service?.Action;
  if (!a?.ActionType) return undefined;
  const s = (v: string | undefined) => (v ? scrub(v, accountId) : undefined);
  const remote =
    a.NetworkConnectionAction?.RemoteIpDetails ??
    a.AwsApiCallAction?.RemoteIpDetails ??
    a.PortProbeAction?.PortProbeDetails?.[0]?.RemoteIpDetails;
  const target =
    a.DnsRequestAction?.Domain ?? a.AwsApiCallAction?.Api ?? remote?.IpAddressV4 ?? remote?.IpAddressV6 ?? undefined;
  return { type: a.ActionType, target: s(target), country: s(remote?.Country?.CountryName) };
}

/** A finding reduced to what the viewer shows. */
export function findingView(f: Finding, accountId: string): FindingView {
  const s = (v: string | undefined) => scrub(v ?? "", accountId);
  return {
    id: f.Id ?? "",
    type: f.Type ?? "",
    title: s(f.Title),
    description: s(f.Description),
    severity: typeof f.Severity === "number" ? f.Severity : 0,
    region: f.Region ?? "",
    resource: resourceOf(f, accountId),
    action: actionOf(f, accountId),
    count: f.Service?.Count ?? 1,
    firstSeen: f.Service?.EventFirstSeen,
    lastSeen: f.Service?.EventLastSeen,
    createdAt: f.CreatedAt ?? "",
    updatedAt: f.UpdatedAt ?? f.CreatedAt ?? "",
  };
}

export function findingViews(findings: readonly Finding[], accountId: string): FindingView[] {
  return sortBySeverity(findings.map((f) => findingView(f, accountId)));
}
