"use client";

import { useTranslations } from "next-intl";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";

export function GuardDutyBody() {
  const t = useTranslations("steps.guardduty");
  const regionLabel = useRegionLabel();
  const { session } = useWorkshop();
  const { detail } = useStep("guardduty");
  const fix = useFix("guardduty");
  if (!detail) return null;
  const region = regionLabel(detail.region);

  if (detail.status === "enabled") {
    return (
      <div className="space-y-2">
        <p className="text-sm font-semibold text-emerald-800" data-testid="guardduty-done" data-fix-result="success" tabIndex={-1}>
          {detail.hajime ? t("enabledHajime", { region }) : t("enabledTheirs", { region })}
        </p>
        {fix.result?.optionalPlans === "default" && (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("plansDefault")}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <p className="text-sm leading-relaxed text-stone-700">{detail.status === "disabled" ? t("disabledLead") : t("noneLead")}</p>
      {session && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 p-4">
          <Button
            busy={fix.pending}
            onClick={async () => {
              // Step 9 needs this detector, and step 10 lists it: both come back re-checked with the fix (`affects`).
              await fix.run({});
            }}
          >
            {detail.status === "disabled" ? t("reenable") : t("enable")}
          </Button>
          <p className="basis-full text-xs text-stone-600">{t("regionNote", { region })}</p>
          {detail.status === "none" && (
            <p className="basis-full text-xs text-stone-600" data-testid="guardduty-plans">
              {t("plansNote")}
            </p>
          )}
          <p className="basis-full text-xs text-stone-600">{t("trialNote")}</p>
        </div>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} />}
    </div>
  );
}
