/** The four Block Public Access settings, in the order the S3 console lists them (browser-safe: the card lists them too). */
export const BPA_FLAGS = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const;
export type BpaFlag = (typeof BPA_FLAGS)[number];
