"use client";

import { useTranslations } from "next-intl";

/** "東京 (ap-northeast-1)": a region's name in the attendee's language, with its code. IAM's "global" is named alone. */
export function useRegionLabel(): (region: string) => string {
  const t = useTranslations("credentials.regions");
  return (region) => (region === "global" ? t("global") : t.has(region) ? `${t(region)} (${region})` : region);
}
