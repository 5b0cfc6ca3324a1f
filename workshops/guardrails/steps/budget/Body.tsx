"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";
import { amountProblem, cleanInput, DEFAULT_BUDGET_AMOUNT, EMAIL_MAX_LENGTH, emailProblem } from "./budget-rules";

export function BudgetBody() {
  const t = useTranslations("steps.budget");
  const { session } = useWorkshop();
  const { detail } = useStep("budget");
  // Held here, not in the form: the form goes once the budget is found, its result stays.
  const fix = useFix("budget");
  if (!detail) return null;
  const found = detail.found;

  return (
    <div className="space-y-4">
      {found ? (
        <div className="space-y-2">
          <p className="text-sm font-semibold text-emerald-800" data-testid="budget-done" data-fix-result="success" tabIndex={-1}>
            {t(found.hajime ? "doneHajime" : "doneTheirs", { name: found.name, amount: found.amount, unit: found.unit, alerts: found.alerts })}
          </p>
          <p className="text-xs text-stone-600">{t("forecastNote")}</p>
          {fix.result?.action === "alerts-added" && <p className="text-sm text-emerald-800">{t("alertsAdded", { name: fix.result.name })}</p>}
          {found.hajime && <p className="text-xs text-stone-600">{t("teardown", { name: found.name })}</p>}
        </div>
      ) : (
        <p className="text-sm text-stone-700">{t("todo")}</p>
      )}
      {!found && detail.withoutAlerts.length > 0 && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="budget-without-alerts">
          {t("withoutAlerts", { count: detail.withoutAlerts.length })}
        </p>
      )}
      {session && !found && <BudgetForm fix={fix} />}
    </div>
  );
}

/** The amount and the address, checked as the attendee types by the rules the server applies (budget-rules.ts). */
function BudgetForm({ fix }: { fix: ReturnType<typeof useFix<"budget">> }) {
  const t = useTranslations("steps.budget");
  const ids = { amount: useId(), amountNote: useId(), email: useId(), emailNote: useId() };
  const [amount, setAmount] = useState(DEFAULT_BUDGET_AMOUNT);
  const [email, setEmail] = useState("");
  // An empty address is not an error until the attendee has tried to send the form.
  const [tried, setTried] = useState(false);
  const amountIssue = amountProblem(amount);
  const emailIssue = emailProblem(email);
  const showEmailIssue = emailIssue && (tried || emailIssue !== "required");

  const submit = () => {
    setTried(true);
    if (amountIssue || emailIssue) return;
    // The clean-up step lists the budget Hajime makes: it comes back re-checked with the fix (`affects`).
    void fix.run({ amount: cleanInput(amount), email: cleanInput(email) });
  };

  return (
    <form
      noValidate
      className="space-y-4 rounded-xl bg-brand-50 p-4"
      aria-labelledby="budget-form-lead"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p id="budget-form-lead" className="text-sm leading-relaxed text-stone-700">
        {t("lead")}
      </p>

      <div>
        <label htmlFor={ids.amount} className="block text-sm font-semibold">
          {t("amountLabel")}
        </label>
        <input
          id={ids.amount}
          name="amount"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          disabled={fix.pending}
          inputMode="decimal"
          autoComplete="off"
          maxLength={16}
          aria-invalid={Boolean(amountIssue) || undefined}
          aria-describedby={ids.amountNote}
          className={`mt-1 min-h-10 w-40 rounded-lg border bg-white px-3 text-sm ${amountIssue ? "border-red-500" : "border-stone-500"}`}
        />
        <p id={ids.amountNote} className={`mt-1 text-xs ${amountIssue ? "font-semibold text-red-800" : "text-stone-600"}`}>
          {amountIssue ? t(`amountProblems.${amountIssue}`) : t("amountHint")}
        </p>
      </div>

      <div>
        <label htmlFor={ids.email} className="block text-sm font-semibold">
          {t("emailLabel")}
        </label>
        <input
          id={ids.email}
          name="email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          disabled={fix.pending}
          autoComplete="email"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={EMAIL_MAX_LENGTH + 10}
          aria-invalid={Boolean(showEmailIssue) || undefined}
          aria-describedby={ids.emailNote}
          className={`mt-1 min-h-10 w-full rounded-lg border bg-white px-3 text-sm ${showEmailIssue ? "border-red-500" : "border-stone-500"}`}
        />
        <p id={ids.emailNote} className={`mt-1 text-xs ${showEmailIssue ? "font-semibold text-red-800" : "text-stone-600"}`}>
          {showEmailIssue ? t(`emailProblems.${emailIssue}`) : t("emailHint")}
        </p>
      </div>

      <ul className="list-disc space-y-1 pl-5 text-xs leading-relaxed text-stone-700">
        <li>{t("alerts")}</li>
        <li data-testid="budget-no-confirmation">{t("noConfirmation")}</li>
        <li>{t("forecastNote")}</li>
        <li>{t("free")}</li>
      </ul>

      <Button type="submit" busy={fix.pending} disabled={Boolean(amountIssue)}>
        {t("create")}
      </Button>
      {fix.failure && <FailureMessage failure={fix.failure} step="budget" />}
    </form>
  );
}
