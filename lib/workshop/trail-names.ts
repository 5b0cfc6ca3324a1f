/**
 * Naming rules for the CloudTrail step, shared by the form (live validation) and the
 * server (which checks again). Browser-safe: no SDK, no Node APIs.
 */

export type BucketNameProblem =
  | "length"
  | "characters"
  | "uppercase"
  | "dots"
  | "edges"
  | "reserved-prefix"
  | "reserved-suffix";

export type TrailNameProblem = "length" | "characters" | "edges" | "adjacent-symbols" | "ip-address";

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/**
 * S3's rules for general purpose buckets, plus one of AWS's recommendations made a rule:
 * no dots, because a dotted name breaks HTTPS certificates for virtual-hosted requests.
 * The first problem found, or null when the name is fine.
 */
export function bucketNameProblem(name: string): BucketNameProblem | null {
  if (name.length < 3 || name.length > 63) return "length";
  if (/[A-Z]/.test(name)) return "uppercase";
  if (name.includes(".")) return "dots";
  if (!/^[a-z0-9-]+$/.test(name)) return "characters";
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return "edges";
  if (RESERVED_PREFIXES.some((p) => name.startsWith(p))) return "reserved-prefix";
  if (RESERVED_SUFFIXES.some((s) => name.endsWith(s))) return "reserved-suffix";
  return null;
}

/** CloudTrail's rules for trail names. */
export function trailNameProblem(name: string): TrailNameProblem | null {
  if (name.length < 3 || name.length > 128) return "length";
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return "characters";
  if (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name)) return "edges";
  if (/[._-]{2}/.test(name)) return "adjacent-symbols";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "ip-address";
  return null;
}

export const DEFAULT_TRAIL_NAME = "hajime-trail";
const BUCKET_PREFIX = "hajime-cloudtrail-";
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A bucket name nobody else is likely to hold (bucket names are global across all AWS
 * accounts): a fixed prefix and 12 random lowercase letters and digits.
 */
export function suggestBucketName(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(12);
  let suffix = "";
  for (const b of bytes) suffix += ALPHABET[b % ALPHABET.length];
  return `${BUCKET_PREFIX}${suffix}`;
}

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}
