"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

export function LocaleSwitcher() {
  const t = useTranslations("common");
  const pathname = usePathname();
  const current = useLocale();
  // The query names what the page shows (`/solo?workshop=guardrails`): the other language keeps
  // it. Read after hydration: useSearchParams would need a Suspense boundary on static pages.
  const [search, setSearch] = useState("");
  useEffect(() => setSearch(window.location.search), [pathname]);
  return (
    <nav aria-label={t("language")} className="flex gap-1 text-sm">
      {routing.locales.map((locale) => (
        <Link
          key={locale}
          href={`${pathname}${search}`}
          locale={locale}
          aria-current={locale === current ? "true" : undefined}
          className={`inline-flex min-h-10 items-center rounded-md px-3 ${locale === current ? "bg-stone-800 text-white" : "text-stone-700 hover:bg-stone-200"}`}
          lang={locale}
        >
          {locale === "ja" ? "日本語" : "English"}
        </Link>
      ))}
    </nav>
  );
}
