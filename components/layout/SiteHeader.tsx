import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeaderView } from "./SiteHeaderView";

export async function SiteHeader({ children }: { children?: ReactNode }) {
  const t = await getTranslations("common");
  const ta = await getTranslations("a11y");
  return <SiteHeaderView texts={{ appName: t("appName"), tagline: t("tagline"), skipToContent: ta("skipToContent") }}>{children}</SiteHeaderView>;
}
