import { useTranslations } from "next-intl";
import { numberedMessages } from "@/i18n/numbered";
import type { WorkshopId } from "@/workshops";
import { teardownTextsOf } from "./workshop-texts";

/**
 * The clean-up by hand, for when Hajime cannot be used: the workshop's clean-up step's
 * `manual` texts (numbered sections of numbered lines), in the console. Collapsed by default.
 * The wording quotes the console's own names; docs/CONSOLE-FLOWS.md lists the AWS
 * documentation each line follows.
 */
export function ManualTeardown({ workshop }: { workshop: WorkshopId }) {
  const shared = useTranslations("teardown.manual");
  const t = useTranslations(`${teardownTextsOf(workshop)}.manual`);
  const sections = sectionNumbers(t);
  return (
    <details className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5" data-testid="manual-teardown">
      <summary className="cursor-pointer py-1 font-semibold">{shared("summary")}</summary>
      <div className="mt-3 space-y-4 text-sm leading-relaxed">
        <p className="text-stone-700">{t("lead")}</p>
        <ol className="space-y-4">
          {sections.map((n) => (
            <li key={n}>
              <h3 className="font-bold">
                {n}. {t(`sections.${n}.title`)}
              </h3>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                {numberedMessages(t, `sections.${n}`).map((line) => (
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

/** 1, 2, … for every section `sections.<n>` that has a title. */
function sectionNumbers(t: { has(key: string): boolean }): number[] {
  const out: number[] = [];
  while (t.has(`sections.${out.length + 1}.title`)) out.push(out.length + 1);
  return out;
}
