"use client";

import { useTranslations } from "next-intl";
import { numberedMessages } from "@/i18n/numbered";

/**
 * Numbered console instructions for steps only the console (as root) can do: every
 * `steps.<stepKey>.console.<n>` message, from 1 up. The wording quotes the console's own
 * names; docs/CONSOLE-FLOWS.md says which AWS documentation page each step follows.
 */
export function ConsoleWalkthrough({ stepKey }: { stepKey: string }) {
  const t = useTranslations("steps");
  return (
    <div className="rounded-xl bg-stone-50 p-4">
      <p className="text-sm font-semibold">{t("consoleHowTo")}</p>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm leading-relaxed">
        {numberedMessages(t, `${stepKey}.console`).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      <p className="mt-3 text-xs text-stone-600">{t("consoleThenRecheck")}</p>
    </div>
  );
}
