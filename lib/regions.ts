// Browser-safe and dependency-free: the session banner, paste form and join form list these too.
/** The fixed list an attendee chooses from. Tokyo first: it is the default. */
export const REGIONS = [
  "ap-northeast-1",
  "ap-northeast-3",
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-south-1",
  "eu-west-1",
  "eu-central-1",
  "ca-central-1",
  "sa-east-1",
] as const;

export type Region = (typeof REGIONS)[number];
export const DEFAULT_REGION: Region = "ap-northeast-1";

export function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (REGIONS as readonly string[]).includes(value);
}
