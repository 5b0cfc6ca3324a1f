import type { MotoReader } from "./moto";
import type { Answer } from "./passthrough";
import type { Call } from "./wire";

export type { Answer, Call };

/** Every rule the stand-in knows, by name (see rules/index.ts for what each does). */
export type RuleName =
  | "session-token-credentials"
  | "unknown-access-keys"
  | "expired-credentials"
  | "delete-conflict"
  | "password-policy"
  | "trail-bucket-policy"
  | "trail-limits"
  | "event-selector-defaults"
  | "organization-trail"
  | "list-tags-foreign-trail"
  | "one-detector-per-region"
  | "detector-default-features"
  | "guardduty-sample-findings"
  | "access-analyzer-analyzers"
  | "bucket-name-reuse"
  | "bucket-policy-deny"
  | "iam-eventual-consistency"
  | "mfa-codes"
  | "mfa-device-tags"
  | "root-credentials";

/** An organization trail, made in the organization's management account, as a member account sees it. */
export type OrganizationTrailFixture = {
  name: string;
  homeRegion: string;
  managementAccount: string;
  bucket: string;
  /** What GetTrailStatus says from the member account; "unreadable" answers an error. */
  status: "logging" | "stopped" | "unreadable";
  /** What GetEventSelectors says; "unreadable" answers an error. */
  selectors: "all" | "write-only" | "unreadable";
};

export type AccountOptions = {
  /** Rules switched on or off for this account alone (the others keep their default). */
  rules?: Partial<Record<RuleName, boolean>>;
  /** An organization trail visible in this (member) account. */
  organizationTrail?: OrganizationTrailFixture;
  /** Keys of this account whose expiration has passed at AWS (expired-credentials). */
  expiredAccessKeys?: string[];
  /** "none": root access managed centrally by AWS Organizations; no root password, keys or MFA. */
  rootCredentials?: "present" | "none";
};

export type Settings = {
  /** How long IAM shows stale state after a change (iam-eventual-consistency). */
  consistencyWindowMs: number;
  /** How long a just-deleted bucket name answers OperationAborted (bucket-name-reuse). */
  bucketNameReuseMs: number;
};

export type Identity = { account: string; arn: string };

export type Ctx = {
  moto: MotoReader;
  settings: Settings;
  /** The caller's account and ARN. */
  identity(call: Call): Promise<Identity>;
  /** Records who a key the stand-in issued belongs to (GetSessionToken). */
  registerIdentity(accessKeyId: string, identity: Identity): void;
  options(account: string): AccountOptions;
  /** This rule's own state, kept for the stand-in's lifetime. */
  state<T>(make: () => T): T;
  now(): number;
};

/**
 * One documented AWS behaviour moto lacks. `before` may answer instead of moto; `after`
 * may change moto's answer. A rule looks only at the calls `applies` accepts.
 */
export type Rule = {
  name: RuleName;
  /** The AWS documentation page the behaviour comes from. */
  doc: string;
  defaultOn: boolean;
  applies(call: Call, ctx: Ctx): boolean;
  before?(call: Call, ctx: Ctx): Promise<Answer | undefined> | Answer | undefined;
  after?(call: Call, answer: Answer, ctx: Ctx): Promise<Answer | void> | Answer | void;
};
