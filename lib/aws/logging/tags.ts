import { HAJIME_TAG_KEY, HAJIME_TAG_VALUE } from "@/lib/workshop/catalog";

/** The tag every resource Hajime creates carries, so teardown can find it without the ledger. */
export const HAJIME_TAG = { Key: HAJIME_TAG_KEY, Value: HAJIME_TAG_VALUE } as const;

type TagList = readonly { Key?: string; Value?: string }[];

export function hasHajimeTag(tags: TagList | Record<string, string> | undefined | null): boolean {
  if (!tags) return false;
  if (Array.isArray(tags)) return (tags as TagList).some((t) => t.Key === HAJIME_TAG_KEY && t.Value === HAJIME_TAG_VALUE);
  return (tags as Record<string, string>)[HAJIME_TAG_KEY] === HAJIME_TAG_VALUE;
}
