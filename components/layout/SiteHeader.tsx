import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { LocaleSwitcher } from "./LocaleSwitcher";

export async function SiteHeader({ children }: { children?: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2">
          <span className="text-xl font-bold text-brand-700">{t("appName")}</span>
          <span className="hidden text-sm text-stone-500 sm:inline">{t("tagline")}</span>
        </Link>
        <div className="flex items-center gap-3">
          {children}
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
