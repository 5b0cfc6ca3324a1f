"use client";

import { useTranslations } from "next-intl";
import type { CheckState } from "@/lib/aws/step";
import { Spinner } from "@/components/ui/Button";

const STYLE: Record<CheckState | "checking" | "pending", string> = {
  done: "bg-emerald-100 text-emerald-900 border-emerald-300",
  todo: "bg-amber-100 text-amber-900 border-amber-300",
  unknown: "bg-stone-100 text-stone-700 border-stone-300",
  checking: "bg-sky-50 text-sky-900 border-sky-200",
  pending: "bg-stone-50 text-stone-600 border-stone-200",
};

const ICON: Record<CheckState, string> = { done: "✓", todo: "!", unknown: "?" };

export function StatusBadge({ state, checking }: { state: CheckState | undefined; checking: boolean }) {
  const t = useTranslations("steps.status");
  const key = checking ? "checking" : (state ?? "pending");
  return (
    <span
      data-testid="step-status"
      data-state={key}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-semibold ${STYLE[key]}`}
    >
      {checking ? <Spinner className="h-3.5 w-3.5" /> : state ? <span aria-hidden="true">{ICON[state]}</span> : null}
      {t(key)}
    </span>
  );
}
