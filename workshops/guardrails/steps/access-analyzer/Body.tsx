"use client";

import { useTranslations } from "next-intl";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";

export function AccessAnalyzerBody() {
  const t = useTranslations("steps.access-analyzer");
  const regionLabel = useRegionLabel();
  const { session } = useWorkshop();
  const { outcome, detail } = useStep("access-analyzer");
  const fix = useFix("access-analyzer");
  if (!detail) return null;
  const region = regionLabel(detail.region);
  const analyzer = detail.analyzer;

  if (analyzer && outcome?.state === "done") {
    return (
      <div className="space-y-1">
        <p className="text-sm font-semibold text-emerald-800" data-testid="analyzer-done" data-fix-result="success" tabIndex={-1}>
          {t(analyzer.hajime ? "doneHajime" : "doneTheirs", { region, name: analyzer.name })}
        </p>
        <p className="text-xs text-stone-600">{t("regionNote", { region })}</p>
        {analyzer.hajime && <p className="text-xs text-stone-600">{t("teardown")}</p>}
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {analyzer ? (
        // A Region has one account analyzer: one that is not running is for the attendee to look at.
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="analyzer-not-active">
          {t("notActive", { region, name: analyzer.name, status: analyzer.status })}
        </p>
      ) : (
        <p className="text-sm text-stone-700">{t("todo", { region })}</p>
      )}
      {session && !analyzer && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 p-4">
          <p className="basis-full text-sm leading-relaxed text-stone-700">{t("lead")}</p>
          <Button busy={fix.pending} onClick={() => void fix.run({})}>
            {t("create")}
          </Button>
          <p className="basis-full text-xs text-stone-600">{t("regionNote", { region })}</p>
          <p className="basis-full text-xs text-stone-600">{t("free")}</p>
          <p className="basis-full text-xs text-stone-600">{t("teardown")}</p>
        </div>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} step="access-analyzer" />}
    </div>
  );
}
