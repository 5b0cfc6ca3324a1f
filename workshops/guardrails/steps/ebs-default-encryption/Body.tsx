"use client";

import { useTranslations } from "next-intl";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";

export function EbsDefaultEncryptionBody() {
  const t = useTranslations("steps.ebs-default-encryption");
  const regionLabel = useRegionLabel();
  const { session } = useWorkshop();
  const { detail } = useStep("ebs-default-encryption");
  const fix = useFix("ebs-default-encryption");
  if (!detail) return null;
  const region = regionLabel(detail.region);

  if (detail.enabled) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-semibold text-emerald-800" data-testid="ebs-done" data-fix-result="success" tabIndex={-1}>
          {t("done", { region })}
        </p>
        <p className="text-xs text-stone-600">{t("regionNote", { region })}</p>
        <p className="text-xs text-stone-600">{t("kept")}</p>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700">{t("todo", { region })}</p>
      {session && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 p-4">
          <p className="basis-full text-sm leading-relaxed text-stone-700">{t("lead")}</p>
          <Button busy={fix.pending} onClick={() => void fix.run({})}>
            {t("enable")}
          </Button>
          <p className="basis-full text-xs text-stone-600">{t("regionNote", { region })}</p>
          <p className="basis-full text-xs text-stone-600">{t("existingNote")}</p>
          <p className="basis-full text-xs text-stone-600">{t("kept")}</p>
        </div>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} step="ebs-default-encryption" />}
    </div>
  );
}
