"use client";

import { useTranslations } from "next-intl";

/**
 * "アジアパシフィック (東京) ap-northeast-1": a region's name as the console's region menu
 * shows it, in the attendee's language, followed by its code.
 */
export function useRegionLabel(): (region: string) => string {
  const t = useTranslations("credentials.regions");
  return (region) => (t.has(region) ? `${t(region)} ${region}` : region);
}
