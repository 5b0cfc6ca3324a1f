"use client";

import { useTranslations } from "next-intl";
import { IAM_SYMBOLS, minimumLengthOf, passwordRuleList, type PasswordPolicy } from "@/lib/workshop/password-rules";

const SYMBOLS = [...IAM_SYMBOLS].join(" ");

/** The policy's rules, ticked off live as the attendee types. */
export function PasswordRules({ id, password, policy, isDefault }: { id: string; password: string; policy: PasswordPolicy; isDefault: boolean }) {
  const t = useTranslations("steps.iam-user");
  const rules = passwordRuleList(password, policy);
  return (
    <div id={id} className="rounded-lg bg-stone-50 p-3">
      <p className="text-xs font-semibold text-stone-700">{isDefault ? t("rulesTitleDefault") : t("rulesTitle")}</p>
      <ul className="mt-1.5 grid gap-1 text-sm sm:grid-cols-2" data-testid="password-rules">
        {rules.map(({ problem, met }) => (
          <li
            key={problem}
            data-met={met}
            className={`flex items-start gap-1.5 ${met ? "text-emerald-800" : "text-stone-700"} ${problem === "needs-symbol" || problem === "needs-more-types" ? "sm:col-span-2" : ""}`}
          >
            <span aria-hidden="true" className={`w-4 shrink-0 text-center font-bold ${met ? "" : "text-amber-700"}`}>
              {met ? "✓" : "✗"}
            </span>
            <span>
              {t(`rules.${problem}`, { min: minimumLengthOf(policy), symbols: SYMBOLS })}
              <span className="sr-only">{met ? t("ruleMet") : t("ruleUnmet")}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
