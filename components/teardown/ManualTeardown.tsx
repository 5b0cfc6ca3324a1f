import { useTranslations } from "next-intl";
import { numberedMessages } from "@/i18n/numbered";

const SECTIONS = ["trail", "bucket", "guardduty"] as const;

/**
 * Step 10 by hand, for when Hajime cannot be used: delete the trail, empty and delete its
 * bucket, disable GuardDuty, in the console. Collapsed by default. The wording quotes the
 * console's own names; docs/CONSOLE-FLOWS.md lists the AWS documentation each line follows.
 */
export function ManualTeardown() {
  const t = useTranslations("teardown.manual");
  return (
    <details className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5" data-testid="manual-teardown">
      <summary className="cursor-pointer py-1 font-semibold">{t("summary")}</summary>
      <div className="mt-3 space-y-4 text-sm leading-relaxed">
        <p className="text-stone-700">{t("lead")}</p>
        <ol className="space-y-4">
          {SECTIONS.map((section, i) => (
            <li key={section}>
              <h3 className="font-bold">
                {i + 1}. {t(`${section}.title`)}
              </h3>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                {numberedMessages(t, section).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
        <p className="text-xs text-stone-600">{t("keep")}</p>
      </div>
    </details>
  );
}
