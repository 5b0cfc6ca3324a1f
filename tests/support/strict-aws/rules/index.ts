import type { Rule } from "../types";
import { accessAnalyzerAnalyzers } from "./access-analyzer";
import { detectorDefaultFeatures, guardDutySampleFindings, oneDetectorPerRegion } from "./guardduty";
import { deleteConflict, iamEventualConsistency, mfaCodes, mfaDeviceTags, passwordPolicy, rootCredentials } from "./iam";
import { eventSelectorDefaults, listTagsForeignTrail, organizationTrail, trailBucketPolicy, trailLimits } from "./cloudtrail";
import { bucketNameReuse, bucketPolicyDeny } from "./s3";
import { expiredCredentials, sessionTokenCredentials, unknownAccessKeys } from "./sts";

/**
 * Every rule, in the order they look at a request. Each cites the AWS page it follows;
 * everything no rule claims goes to moto unchanged.
 */
export const RULES: readonly Rule[] = [
  sessionTokenCredentials,
  unknownAccessKeys,
  expiredCredentials,
  iamEventualConsistency,
  deleteConflict,
  passwordPolicy,
  mfaCodes,
  mfaDeviceTags,
  rootCredentials,
  organizationTrail,
  trailLimits,
  trailBucketPolicy,
  eventSelectorDefaults,
  listTagsForeignTrail,
  oneDetectorPerRegion,
  detectorDefaultFeatures,
  guardDutySampleFindings,
  accessAnalyzerAnalyzers,
  bucketNameReuse,
  bucketPolicyDeny,
];
