import { randomBytes } from "node:crypto";
import type { Finding } from "@aws-sdk/client-guardduty";

/**
 * Sample findings as GuardDuty's GetFindings returns them, for the three calls moto lacks
 * (CreateSampleFindings, ListFindings, GetFindings). Shapes follow the GuardDuty API
 * reference (Finding, Resource, InstanceDetails, AccessKeyDetails, S3BucketDetail, Service,
 * Action); values follow the sample findings GuardDuty generates (i-99999999,
 * GeneratedFindingUserName, "sample": true in additionalInfo). SDK (PascalCase) shape; the
 * wire format is the same with the first letter of each key in lower case.
 */

type Sample = {
  severity: number;
  title: string;
  description: string;
  resource: "instance" | "access-key" | "bucket";
  action: NonNullable<Finding["Service"]>["Action"];
};

const DNS = (domain: string) => ({ ActionType: "DNS_REQUEST", DnsRequestAction: { Domain: domain, Protocol: "UDP", Blocked: false } });
const API = (api: string, service: string) => ({
  ActionType: "AWS_API_CALL",
  AwsApiCallAction: {
    Api: api,
    ServiceName: service,
    CallerType: "Remote IP",
    RemoteIpDetails: { IpAddressV4: "198.51.100.0", Country: { CountryName: "GeneratedFindingCountryName" } },
  },
});

export const SAMPLES: Record<string, Sample> = {
  "CryptoCurrency:EC2/BitcoinTool.B!DNS": {
    severity: 8,
    title: "Bitcoin-related domain name queried by EC2 instance i-99999999.",
    description: "EC2 instance i-99999999 is querying a domain name that is associated with Bitcoin-related activity.",
    resource: "instance",
    action: DNS("GeneratedFindingDomainName"),
  },
  "Backdoor:EC2/C&CActivity.B!DNS": {
    severity: 8,
    title: "Command and Control server domain name queried by EC2 instance i-99999999.",
    description: "EC2 instance i-99999999 is querying a domain name associated with a known Command & Control server.",
    resource: "instance",
    action: DNS("GeneratedFindingDomainName"),
  },
  "Trojan:EC2/DNSDataExfiltration": {
    severity: 8,
    title: "Data exfiltration through DNS queries from EC2 instance i-99999999.",
    description: "EC2 instance i-99999999 is attempting to exfiltrate data by performing DNS queries.",
    resource: "instance",
    action: DNS("GeneratedFindingDomainName"),
  },
  "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS": {
    severity: 8,
    title: "Credentials for instance role GeneratedFindingUserName used from external IP address.",
    description:
      "Credentials created exclusively for an EC2 instance using instance role GeneratedFindingUserName have been used from external IP address 198.51.100.0.",
    resource: "access-key",
    action: API("DescribeInstances", "ec2.amazonaws.com"),
  },
  "Recon:EC2/PortProbeUnprotectedPort": {
    severity: 5,
    title: "Unprotected port on EC2 instance i-99999999 is being probed.",
    description: "EC2 instance has an unprotected port which is being probed by a known malicious host.",
    resource: "instance",
    action: {
      ActionType: "PORT_PROBE",
      PortProbeAction: {
        Blocked: false,
        PortProbeDetails: [{ LocalPortDetails: { Port: 22, PortName: "SSH" }, RemoteIpDetails: { IpAddressV4: "198.51.100.0", Country: { CountryName: "GeneratedFindingCountryName" } } }],
      },
    },
  },
  "UnauthorizedAccess:EC2/SSHBruteForce": {
    severity: 2,
    title: "198.51.100.0 is performing SSH brute force attacks against i-99999999.",
    description: "198.51.100.0 is performing SSH brute force attacks against i-99999999. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.",
    resource: "instance",
    action: {
      ActionType: "NETWORK_CONNECTION",
      NetworkConnectionAction: {
        ConnectionDirection: "INBOUND",
        Protocol: "TCP",
        Blocked: false,
        RemoteIpDetails: { IpAddressV4: "198.51.100.0", Country: { CountryName: "GeneratedFindingCountryName" } },
      },
    },
  },
  "Policy:IAMUser/RootCredentialUsage": {
    severity: 2,
    title: "API ListBuckets was invoked using root credentials.",
    description: "API ListBuckets was invoked using root credentials from IP address 198.51.100.0.",
    resource: "access-key",
    action: API("ListBuckets", "s3.amazonaws.com"),
  },
  "Stealth:IAMUser/CloudTrailLoggingDisabled": {
    severity: 2,
    title: "AWS CloudTrail trail GeneratedFindingTrailName was disabled.",
    description: "AWS CloudTrail trail GeneratedFindingTrailName was disabled by GeneratedFindingUserName calling StopLogging.",
    resource: "access-key",
    action: API("StopLogging", "cloudtrail.amazonaws.com"),
  },
  "Policy:S3/BucketBlockPublicAccessDisabled": {
    severity: 2,
    title: "Amazon S3 Block Public Access was disabled for S3 bucket GeneratedFindingS3Bucket.",
    description: "Amazon S3 Block Public Access was disabled for S3 bucket GeneratedFindingS3Bucket by GeneratedFindingUserName calling PutBucketPublicAccessBlock.",
    resource: "bucket",
    action: API("PutBucketPublicAccessBlock", "s3.amazonaws.com"),
  },
};

function resource(kind: Sample["resource"], accountId: string): Finding["Resource"] {
  const accessKey = {
    AccessKeyId: "GeneratedFindingAccessKeyId",
    PrincipalId: "GeneratedFindingPrincipalId",
    UserName: "GeneratedFindingUserName",
    UserType: "IAMUser",
  };
  if (kind === "access-key") return { ResourceType: "AccessKey", AccessKeyDetails: accessKey };
  if (kind === "bucket") {
    return {
      ResourceType: "S3Bucket",
      AccessKeyDetails: accessKey,
      S3BucketDetails: [
        {
          Arn: "arn:aws:s3:::GeneratedFindingS3Bucket",
          Name: "GeneratedFindingS3Bucket",
          Type: "Destination",
          CreatedAt: new Date("2017-12-18T15:58:11.551Z"),
          Owner: { Id: "CanonicalId of Owner" },
        },
      ],
    };
  }
  return {
    ResourceType: "Instance",
    InstanceDetails: {
      AvailabilityZone: "generated-az-1a",
      IamInstanceProfile: { Arn: `arn:aws:iam::${accountId}:example/instance/profile`, Id: "GeneratedFindingInstanceProfileId" },
      ImageDescription: "GeneratedFindingInstaceImageDescription",
      ImageId: "ami-99999999",
      InstanceId: "i-99999999",
      InstanceState: "running",
      InstanceType: "m3.xlarge",
      LaunchTime: "2016-08-02T02:05:06.000Z",
      Platform: undefined,
      Tags: [{ Key: "GeneratedFindingInstaceTag1", Value: "GeneratedFindingInstaceValue1" }],
    },
  };
}

/** One sample finding of the given type, as GetFindings returns it. */
export function sampleFinding(type: string, ctx: { accountId: string; region: string; detectorId: string; at?: Date }): Finding {
  const s = SAMPLES[type] ?? {
    severity: 5,
    title: `Sample finding ${type}.`,
    description: `This is a sample finding of type ${type}.`,
    resource: "instance" as const,
    action: DNS("GeneratedFindingDomainName"),
  };
  const id = randomBytes(16).toString("hex");
  const at = (ctx.at ?? new Date()).toISOString();
  return {
    AccountId: ctx.accountId,
    Arn: `arn:aws:guardduty:${ctx.region}:${ctx.accountId}:detector/${ctx.detectorId}/finding/${id}`,
    CreatedAt: at,
    Description: s.description,
    Id: id,
    Partition: "aws",
    Region: ctx.region,
    Resource: resource(s.resource, ctx.accountId),
    SchemaVersion: "2.0",
    Service: {
      Action: s.action,
      Archived: false,
      Count: 1,
      DetectorId: ctx.detectorId,
      EventFirstSeen: at,
      EventLastSeen: at,
      ResourceRole: "TARGET",
      ServiceName: "guardduty",
      AdditionalInfo: { Value: '{"sample":true}', Type: "default" },
    },
    Severity: s.severity,
    Title: s.title,
    Type: type,
    UpdatedAt: at,
  };
}
