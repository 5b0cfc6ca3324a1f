"use client";

import { useTranslations } from "next-intl";

/** "東京 (ap-northeast-1)": a region's name in the attendee's language, with its code. */
export function useRegionLabel(): (region: string) => string {
  const t = useTranslations("credentials.regions");
  return (region) => (t.has(region) ? `${t(region)} (${region})` : region);
}
