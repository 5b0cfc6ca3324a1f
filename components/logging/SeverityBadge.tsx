"use client";

import { useTranslations } from "next-intl";
import { severityLevel, type SeverityLevel } from "@/lib/workshop/findings";

// The console's colours, as bands that read in greyscale too (and the label says it in words).
const STYLE: Record<SeverityLevel, string> = {
  critical: "bg-fuchsia-900 text-white border-fuchsia-900",
  high: "bg-red-700 text-white border-red-700",
  medium: "bg-amber-300 text-amber-950 border-amber-400",
  low: "bg-sky-50 text-sky-900 border-sky-300",
};

export function SeverityBadge({ score, className = "" }: { score: number; className?: string }) {
  const t = useTranslations("steps.sample-findings");
  const level = severityLevel(score);
  return (
    <span
      data-severity={level}
      title={t("severityScore", { level: t(`severity.${level}`), score: score.toFixed(1) })}
      className={`inline-flex w-[5.75rem] shrink-0 items-center justify-center gap-1 rounded-md border px-2 py-0.5 text-xs font-bold ${STYLE[level]} ${className}`}
    >
      {t(`severity.${level}`)}
      <span className="font-mono font-semibold opacity-90">{score.toFixed(1)}</span>
    </span>
  );
}
