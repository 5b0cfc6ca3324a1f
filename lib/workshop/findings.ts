/**
 * GuardDuty findings as the viewer shows them. Browser-safe: plain data, no SDK.
 * A view holds no account id and no ARN (see lib/aws/logging/findings.ts).
 */

export type SeverityLevel = "critical" | "high" | "medium" | "low";

/** The bands the GuardDuty console uses today (0–10 scale). */
export function severityLevel(score: number): SeverityLevel {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return "low";
}

export type FindingResource = {
  /** GuardDuty's ResourceType, e.g. "Instance", "AccessKey", "S3Bucket". */
  type: string;
  /** The resource's own name or id (an instance id, an IAM user name, a bucket name). */
  id?: string;
  /** A second fact worth a glance (instance type, access key's user type). */
  extra?: string;
};

export type FindingAction = {
  /** GuardDuty's ActionType, e.g. "DNS_REQUEST", "AWS_API_CALL", "NETWORK_CONNECTION". */
  type: string;
  /** What the action aimed at: a domain, an API name, a remote address. */
  target?: string;
  country?: string;
};

export type FindingView = {
  id: string;
  type: string;
  title: string;
  description: string;
  severity: number;
  region: string;
  resource: FindingResource;
  action?: FindingAction;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  createdAt: string;
  updatedAt: string;
};

/** The finding the original hands-on points at. */
export const HIGHLIGHTED_FINDING_TYPE = "CryptoCurrency:EC2/BitcoinTool.B!DNS";

/** Most severe first; among equals, the hands-on's finding first, then the newest. */
export function sortBySeverity(findings: readonly FindingView[]): FindingView[] {
  const highlighted = (f: FindingView) => (f.type === HIGHLIGHTED_FINDING_TYPE ? 0 : 1);
  return [...findings].sort(
    (a, b) =>
      b.severity - a.severity ||
      highlighted(a) - highlighted(b) ||
      b.updatedAt.localeCompare(a.updatedAt) ||
      a.type.localeCompare(b.type),
  );
}
