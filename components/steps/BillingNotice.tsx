"use client";

import { useTranslations } from "next-intl";
import { billableRange, teardownNumber, type WorkshopId } from "@/workshops";

/** Shown once, before the first step that costs money; the steps it names come from the workshop's data. */
export function BillingNotice({ workshop }: { workshop: WorkshopId }) {
  const t = useTranslations("billing");
  const range = billableRange(workshop) ?? { from: 1, to: 1 };
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
      <p className="mt-2 text-sm leading-relaxed">{t("body", { ...range, teardown: teardownNumber(workshop) ?? range.to + 1 })}</p>
      <p className="mt-2 text-xs text-rose-900">{t("marker")}</p>
    </aside>
  );
}
