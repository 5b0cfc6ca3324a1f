"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { stepMeta, type StepId } from "@/lib/workshop/catalog";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { BillableChip } from "./BillableChip";
import { StatusBadge } from "./StatusBadge";

/** The frame every step shares: number, title, status, why it matters, console link, re-check. */
export function StepCard({ id, children }: { id: StepId; children?: ReactNode }) {
  const t = useTranslations("steps");
  const { outcomes, checking, refresh, session } = useWorkshop();
  const meta = stepMeta(id);
  const outcome = outcomes[id];
  const isChecking = checking.has(id);
  const consoleUrl = session ? meta.consoleUrl(session.region) : undefined;
  const done = outcome?.state === "done";
  const canRecheck = Boolean(session) && !meta.teardown;

  return (
    <article
      id={`step-${id}`}
      data-testid={`step-${id}`}
      data-state={outcome?.state ?? "pending"}
      aria-labelledby={`step-${id}-title`}
      // In-page links to a step ("go to step 5") bring keyboard focus here too.
      tabIndex={-1}
      className={`scroll-mt-24 rounded-2xl border bg-white p-5 shadow-sm sm:p-6 ${done ? "border-emerald-300" : "border-stone-200"}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-start gap-3">
          <span
            aria-hidden="true"
            className={`flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-base font-bold ${done ? "bg-emerald-600 text-white" : "bg-stone-800 text-white"}`}
          >
            {done ? "✓" : meta.number}
          </span>
          <div>
            <h3 id={`step-${id}-title`} className="text-lg font-bold leading-snug">
              <span className="sr-only">{t("stepNumber", { number: meta.number })} </span>
              {t(`${id}.title`)}
            </h3>
            <div className="mt-1 flex flex-wrap gap-2">
              {meta.billable && <BillableChip />}
              {meta.consoleOnly && (
                <span className="rounded-full border border-stone-300 bg-stone-50 px-2 py-0.5 text-xs font-semibold text-stone-700">
                  {t("consoleOnly")}
                </span>
              )}
            </div>
          </div>
        </div>
        <StatusBadge state={outcome?.state} checking={isChecking} />
      </header>

      <p className="mt-3 text-sm leading-relaxed text-stone-700">{t(`${id}.why`)}</p>

      {outcome?.failure && <FailureMessage failure={outcome.failure} className="mt-3" />}

      {children && <div className="mt-4">{children}</div>}

      {(consoleUrl || canRecheck) && (
        <footer className="mt-4 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-3">
          {consoleUrl && (
            <a
              href={consoleUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-10 items-center gap-1 rounded-md px-2 text-sm font-medium text-sky-800 underline underline-offset-2"
            >
              {t("openConsole")}
              <span aria-hidden="true">↗</span>
              <span className="sr-only">{t("opensInNewTab")}</span>
            </a>
          )}
          {canRecheck && (
            <Button variant="ghost" className="ml-auto" busy={isChecking} onClick={() => refresh(id)}>
              {t("recheck")}
            </Button>
          )}
        </footer>
      )}
    </article>
  );
}
