"use client";

import { useTranslations } from "next-intl";

/** The "charges apply" mark on every billable step, on its card and in the outline. */
export function BillableChip() {
  const t = useTranslations("steps");
  return (
    <span className="rounded-full border border-rose-300 bg-rose-50 px-2 py-0.5 text-xs font-semibold text-rose-800">{t("billable")}</span>
  );
}
