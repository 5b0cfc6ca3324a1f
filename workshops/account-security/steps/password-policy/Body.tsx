"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CIS_MINIMUM_LENGTH, type PasswordPolicy } from "@/lib/workshop/password-rules";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";
import { Outcome } from "@/components/steps/NextStep";

const ROWS: (keyof PasswordPolicy)[] = ["minimumLength", "requireUppercase", "requireLowercase", "requireNumbers", "requireSymbols"];

export function PasswordPolicyBody() {
  const t = useTranslations("steps.password-policy");
  const { session } = useWorkshop();
  const { outcome, detail } = useStep("password-policy");
  const fix = useFix("password-policy");
  const [cis, setCis] = useState(false);

  if (!detail) return null;
  const current = detail.current;

  const show = (p: PasswordPolicy | null, key: keyof PasswordPolicy) => {
    if (!p) return key === "minimumLength" ? t("defaultLength") : t("no");
    const v = p[key];
    return typeof v === "number" ? t("chars", { count: v }) : v ? t("yes") : t("no");
  };
  const meets = (key: keyof PasswordPolicy) => {
    if (!current) return false;
    const v = current[key];
    return typeof v === "number" ? v >= detail.target.minimumLength : v === true;
  };

  return (
    <div className="space-y-4">
      {fix.succeeded && outcome?.state === "done" && <Outcome>{t("did")}</Outcome>}
      {/* Narrow screens (a phone, or large text): one rule per block, so no word is cut in a narrow column. */}
      <ul aria-label={t("tableCaption")} className="space-y-2 text-sm sm:hidden">
        {ROWS.map((key) => (
          <li key={key} className="border-b border-stone-100 pb-2">
            <p>{t(`rows.${key}`)}</p>
            <p className={`font-semibold ${meets(key) ? "text-emerald-800" : "text-amber-800"}`}>
              <span className="font-normal text-stone-600">{t("current")}: </span>
              <span aria-hidden="true">{meets(key) ? "✓ " : "✗ "}</span>
              {show(current, key)}
            </p>
            <p>
              <span className="text-stone-600">{t("target")}: </span>
              {show(detail.target, key)}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <table className="w-full text-sm [overflow-wrap:break-word]">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr className="border-b border-stone-200 text-left text-xs text-stone-600">
              <th scope="col" className="py-2 pr-3 font-medium">{t("setting")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("current")}</th>
              <th scope="col" className="py-2 font-medium">{t("target")}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((key) => (
              <tr key={key} className="border-b border-stone-100">
                <th scope="row" className="py-2 pr-3 text-left font-normal">{t(`rows.${key}`)}</th>
                <td className={`py-2 pr-3 font-semibold ${meets(key) ? "text-emerald-800" : "text-amber-800"}`}>
                  <span aria-hidden="true">{meets(key) ? "✓ " : "✗ "}</span>
                  {show(current, key)}
                </td>
                <td className="py-2">{show(detail.target, key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!current && <p className="text-sm text-stone-600">{t("noPolicy")}</p>}
      <p className="text-xs text-stone-600">
        {detail.meetsCis ? t("cisMet", { length: CIS_MINIMUM_LENGTH }) : t("cisNote", { length: CIS_MINIMUM_LENGTH })}
      </p>
      {session && outcome?.state !== "done" && (
        <div className="flex flex-wrap items-center gap-4 rounded-xl bg-brand-50 p-4">
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" checked={cis} onChange={(e) => setCis(e.target.checked)} className="h-5 w-5 shrink-0 accent-brand-700" />
            {t("useCis", { length: CIS_MINIMUM_LENGTH })}
          </label>
          <Button
            busy={fix.pending}
            onClick={async () => {
              // Step 5, which checks new passwords against this policy, is re-checked with the fix (`affects`).
              void fix.run({ minimumLength: cis ? CIS_MINIMUM_LENGTH : 8 });
            }}
          >
            {t("fix")}
          </Button>
          <p className="basis-full text-xs text-stone-600">{t("fixKeeps")}</p>
        </div>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} />}
    </div>
  );
}
