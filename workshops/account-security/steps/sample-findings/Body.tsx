"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { HIGHLIGHTED_FINDING_TYPE } from "@/lib/workshop/findings";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { FindingsList } from "@/components/logging/FindingsList";
import { Button, Spinner } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { stepMeta } from "@/workshops";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";

export function SampleFindingsBody() {
  const t = useTranslations("steps.sample-findings");
  const { session } = useWorkshop();
  const regionLabel = useRegionLabel();
  const { detail } = useStep("sample-findings");
  const fix = useFix("sample-findings");
  const [confirmed, setConfirmed] = useState(false);
  const confirmId = useId();
  if (!detail) return null;
  const theirs = detail.owner === "theirs";

  if (detail.detector !== "enabled") {
    return (
      <p className="text-sm text-amber-900">
        <a href="#step-guardduty" className="font-semibold underline underline-offset-2">
          {t("needsDetector", { number: stepMeta("guardduty").number })}
        </a>
      </p>
    );
  }

  return (
    <div className="space-y-4">
      {detail.findings.length === 0 ? (
        <>
          <p className="text-sm leading-relaxed text-stone-700">{t("lead")}</p>
          {session && (
            <div className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 p-4">
              {theirs && (
                <div className="basis-full space-y-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="findings-theirs">
                  <p>{t("theirsWarning")}</p>
                  <label htmlFor={confirmId} className="flex items-start gap-2 font-semibold">
                    <input id={confirmId} type="checkbox" className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
                    <span>{t("confirmTheirs")}</span>
                  </label>
                </div>
              )}
              <Button busy={fix.pending} disabled={theirs && !confirmed} onClick={() => fix.run({ confirmTheirs: theirs && confirmed })}>
                {t("generate")}
              </Button>
              {fix.pending && (
                <p role="status" className="flex items-center gap-2 text-sm text-sky-900" data-testid="findings-generating">
                  <Spinner />
                  {t("generating")}
                </p>
              )}
            </div>
          )}
        </>
      ) : (
        <>
          <p className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm leading-relaxed">
            {t("hint", { type: HIGHLIGHTED_FINDING_TYPE })}
          </p>
          <FindingsList findings={detail.findings} />
          {detail.more && <p className="text-xs text-stone-600">{t("more")}</p>}
        </>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} />}
      {session && <p className="text-xs leading-relaxed text-stone-600">{t("inConsole", { region: regionLabel(session.region) })}</p>}
    </div>
  );
}
