"use client";

import { useTranslations } from "next-intl";

/** Numbered console instructions for steps only the console (as root) can do. */
export function ConsoleWalkthrough({ stepKey, count }: { stepKey: string; count: number }) {
  const t = useTranslations("steps");
  return (
    <div className="rounded-xl bg-stone-50 p-4">
      <p className="text-sm font-semibold">{t("consoleHowTo")}</p>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm leading-relaxed">
        {Array.from({ length: count }, (_, i) => (
          <li key={i}>{t(`${stepKey}.console.${i + 1}`)}</li>
        ))}
      </ol>
      <p className="mt-3 text-xs text-stone-600">{t("consoleThenRecheck")}</p>
    </div>
  );
}
