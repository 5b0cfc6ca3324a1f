import "server-only";
import { AccessAnalyzerClient } from "@aws-sdk/client-accessanalyzer";
import { BudgetsClient } from "@aws-sdk/client-budgets";
import { EC2Client } from "@aws-sdk/client-ec2";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import type { Aws } from "@/lib/aws/clients";

/**
 * This workshop's AWS services, through the session's `aws.service`: one client per set of
 * keys and Region, with the same deadlines and error naming as the core's clients.
 */

/** AWS Budgets (global; its endpoint is in us-east-1). */
export const budgetsClient = (aws: Aws) =>
  aws.service({
    key: "budgets",
    iamPrefix: "budgets",
    // IAM names Budgets' actions apart from its API: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsbudgetservice.html
    actions: { DescribeBudgets: "ViewBudget", DescribeBudget: "ViewBudget", DescribeNotificationsForBudget: "ViewBudget", CreateBudget: "ModifyBudget", CreateNotification: "ModifyBudget", CreateSubscriber: "ModifyBudget", DeleteBudget: "ModifyBudget" },
    region: "us-east-1",
    make: (config) => new BudgetsClient(config),
  });

// S3 Control's actions are in the s3 namespace (s3:PutAccountPublicAccessBlock).
/** S3 Control: account-level S3 settings (Block Public Access). */
export const s3controlClient = (aws: Aws) =>
  aws.service({
    key: "s3control",
    iamPrefix: "s3",
    // The account-level settings' actions: https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutPublicAccessBlock.html
    actions: { GetPublicAccessBlock: "GetAccountPublicAccessBlock", PutPublicAccessBlock: "PutAccountPublicAccessBlock" },
    make: (config) => new S3ControlClient({ ...config, ...s3controlEndpoint() }),
  });

/** EC2 in the session's Region (EBS encryption by default is per Region). */
export const ec2Client = (aws: Aws) => aws.service({ key: "ec2", iamPrefix: "ec2", make: (config) => new EC2Client(config) });

/** IAM Access Analyzer, in the session's Region or another (analyzers are regional). */
export const accessAnalyzerClient = (aws: Aws, region = aws.region) =>
  aws.service({ key: "accessanalyzer", iamPrefix: "access-analyzer", region, make: (config) => new AccessAnalyzerClient(config) });

/**
 * S3 Control's endpoint rules put the account id in front of the host
 * (123456789012.s3-control…), also in front of an overridden endpoint, where such a host
 * does not exist (moto at 127.0.0.1). With an override, requests go to the override
 * itself; the account id still travels in the x-amz-account-id header.
 */
function s3controlEndpoint() {
  const override = process.env.AWS_ENDPOINT_URL_S3_CONTROL || process.env.AWS_ENDPOINT_URL;
  return override ? { endpointProvider: () => ({ url: new URL(override) }), disableHostPrefix: true } : {};
}
