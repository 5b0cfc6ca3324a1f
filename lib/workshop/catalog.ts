/**
 * The workshop's steps as plain data, safe to import in the browser. The server side of
 * each step (check / fix / teardown with the AWS SDK) lives in lib/aws/steps/<id>.ts.
 */

export const STEP_IDS = [
  "root-access-keys",
  "root-mfa",
  "password-policy",
  "admin-group",
  "iam-user",
  "user-mfa",
  "cloudtrail",
  "guardduty",
  "sample-findings",
  "teardown",
] as const;

export type StepId = (typeof STEP_IDS)[number];

export type StepMeta = {
  id: StepId;
  /** 1-based, as in the hands-on's slides. */
  number: number;
  billable: boolean;
  /** Only the console can do it (root credentials needed): the card walks through it. */
  consoleOnly: boolean;
  part: "iam" | "logging" | "wrap-up";
  consoleUrl: (region: string) => string | undefined;
};

const global = (path: string) => () => `https://console.aws.amazon.com/${path}`;
const regional = (service: string, fragment: string) => (region: string) =>
  `https://${region}.console.aws.amazon.com/${service}/home?region=${region}#${fragment}`;

export const CATALOG: readonly StepMeta[] = [
  { id: "root-access-keys", number: 1, billable: false, consoleOnly: true, part: "iam", consoleUrl: global("iam/home#/security_credentials") },
  { id: "root-mfa", number: 2, billable: false, consoleOnly: true, part: "iam", consoleUrl: global("iam/home#/security_credentials") },
  { id: "password-policy", number: 3, billable: false, consoleOnly: false, part: "iam", consoleUrl: global("iam/home#/account_settings") },
  { id: "admin-group", number: 4, billable: false, consoleOnly: false, part: "iam", consoleUrl: global("iam/home#/groups") },
  { id: "iam-user", number: 5, billable: false, consoleOnly: false, part: "iam", consoleUrl: global("iam/home#/users") },
  { id: "user-mfa", number: 6, billable: false, consoleOnly: false, part: "iam", consoleUrl: global("iam/home#/users") },
  { id: "cloudtrail", number: 7, billable: true, consoleOnly: false, part: "logging", consoleUrl: regional("cloudtrailv2", "/trails") },
  { id: "guardduty", number: 8, billable: true, consoleOnly: false, part: "logging", consoleUrl: regional("guardduty", "/summary") },
  { id: "sample-findings", number: 9, billable: true, consoleOnly: false, part: "logging", consoleUrl: regional("guardduty", "/findings") },
  { id: "teardown", number: 10, billable: false, consoleOnly: false, part: "wrap-up", consoleUrl: () => undefined },
];

export function stepMeta(id: StepId): StepMeta {
  const meta = CATALOG.find((s) => s.id === id);
  if (!meta) throw new Error(`unknown step ${id}`);
  return meta;
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && (STEP_IDS as readonly string[]).includes(value);
}

/** The user name, group name and tag the workshop uses everywhere. */
export const ADMIN_GROUP = "admin";
export const HAJIME_TAG_KEY = "hajime:created-by";
export const HAJIME_TAG_VALUE = "hajime";
