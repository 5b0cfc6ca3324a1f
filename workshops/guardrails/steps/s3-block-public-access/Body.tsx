"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";
import { BPA_FLAGS } from "./flags";


export function S3BlockPublicAccessBody() {
  const t = useTranslations("steps.s3-block-public-access");
  const { session } = useWorkshop();
  const { outcome, detail } = useStep("s3-block-public-access");
  const fix = useFix("s3-block-public-access");
  if (!detail) return null;
  const done = outcome?.state === "done";
  const settings = detail.settings;

  return (
    <div className="space-y-4">
      <ul aria-label={t("flagsLabel")} className="space-y-1.5 text-sm" data-testid="bpa-flags">
        {BPA_FLAGS.map((flag) => {
          const on = settings?.[flag] === true;
          return (
            <li key={flag} className="flex items-start gap-2" data-flag={flag} data-on={on}>
              <span aria-hidden="true" className={`mt-0.5 w-4 shrink-0 font-bold ${on ? "text-emerald-700" : "text-amber-700"}`}>
                {on ? "✓" : "✗"}
              </span>
              <span>
                {t(`flags.${flag}`)}
                <span className={`ml-1 font-semibold ${on ? "text-emerald-800" : "text-amber-800"}`}>({on ? t("on") : t("off")})</span>
              </span>
            </li>
          );
        })}
      </ul>
      {done ? (
        <div className="space-y-1">
          <p className="text-sm font-semibold text-emerald-800" data-testid="bpa-done" data-fix-result="success" tabIndex={-1}>
            {t("done")}
          </p>
          <p className="text-xs text-stone-600">{t("kept")}</p>
        </div>
      ) : (
        <p className="text-sm text-stone-700">{settings ? t("todoPartial") : t("todoNone")}</p>
      )}
      {session && !done && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 p-4">
          <p className="basis-full text-sm leading-relaxed text-stone-700">{t("lead")}</p>
          <p className="basis-full rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("caution")}</p>
          <Button busy={fix.pending} onClick={() => void fix.run({})}>
            {t("enable")}
          </Button>
          <p className="basis-full text-xs text-stone-600">{t("kept")}</p>
        </div>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} step="s3-block-public-access" />}
    </div>
  );
}
