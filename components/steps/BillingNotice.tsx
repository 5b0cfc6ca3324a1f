"use client";

import { useTranslations } from "next-intl";

/** Shown once, before the first step that costs money. */
export function BillingNotice() {
  const t = useTranslations("billing");
  return (
    <aside
      role="note"
      aria-labelledby="billing-title"
      data-testid="billing-notice"
      className="rounded-2xl border-2 border-rose-300 bg-rose-50 p-4 text-rose-950 sm:p-5"
    >
      <h3 id="billing-title" className="flex items-center gap-2 text-base font-bold">
        <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-rose-700 text-sm text-white">
          !
        </span>
        {t("title")}
      </h3>
      <p className="mt-2 text-sm leading-relaxed">{t("body")}</p>
      <p className="mt-2 text-xs text-rose-900">{t("marker")}</p>
    </aside>
  );
}
