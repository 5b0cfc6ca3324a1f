/**
 * Where an IAM user signs in to the console: the account alias when there is one, else
 * the account id, as the IAM dashboard shows it.
 */
const SIGN_IN_DOMAIN: Record<string, string> = {
  aws: "signin.aws.amazon.com",
  "aws-us-gov": "signin.amazonaws-us-gov.com",
  "aws-cn": "signin.amazonaws.cn",
};

export function consoleSignInUrl(aliasOrAccountId: string, partition = "aws"): string {
  const domain = SIGN_IN_DOMAIN[partition] ?? SIGN_IN_DOMAIN.aws;
  return `https://${aliasOrAccountId}.${domain}/console`;
}
