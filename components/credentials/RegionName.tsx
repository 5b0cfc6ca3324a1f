"use client";

import { useTranslations } from "next-intl";
import { REGIONS } from "@/lib/regions";

/**
 * "アジアパシフィック (東京) ap-northeast-1": a region's name as the console's region menu
 * shows it, in the attendee's language, followed by its code. IAM's "global" is named alone.
 */
export function useRegionLabel(): (region: string) => string {
  const t = useTranslations("credentials.regions");
  const tc = useTranslations("credentials");
  return (region) => (region === "global" ? tc("globalRegion") : t.has(region) ? `${t(region)} ${region}` : region);
}

/** The `<option>`s of a region menu: every region Hajime works in, named as above. */
export function RegionOptions() {
  const regionLabel = useRegionLabel();
  return REGIONS.map((r) => (
    <option key={r} value={r}>
      {regionLabel(r)}
    </option>
  ));
}
