"use client";

import { useTranslations } from "next-intl";
import { Fragment, useEffect, useState, type Ref } from "react";
import { stepMeta, type StepId } from "@/lib/workshop/catalog";
import { SessionStrip } from "@/components/credentials/SessionStrip";
import { BillingNotice } from "@/components/steps/BillingNotice";
import { StepCard } from "@/components/steps/StepCard";
import { STEP_BODIES } from "@/workshops/bodies";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useProgress } from "./useProgress";
import { useWorkshop } from "./WorkshopContext";

/**
 * The signed-in checklist: session banner, toolbar and the step cards with their bodies.
 * Loaded apart from the page (Workshop.tsx imports it with next/dynamic): a page opened
 * without a session shows only the paste form and the outline, and needs none of this code
 * before the attendee signs in.
 */
export function Checklist({ focusRef }: { focusRef: Ref<HTMLElement> }) {
  const { session, setSession, lost, signOutLocally, steps } = useWorkshop();
  if (!session) return null;
  return (
    <div className="space-y-5">
      <SessionStrip session={session} lost={lost} onChange={setSession} onSignedOut={signOutLocally} focusRef={focusRef} />
      <Toolbar />
      <StepList steps={steps} />
    </div>
  );
}

function Toolbar() {
  const t = useTranslations("workshop");
  const { checking, refreshAll, checkFailure } = useWorkshop();
  const progress = useProgress();
  return (
    // Sticky only where there is height to spare: at 200 % zoom on a laptop it would cover
    // a third of the screen.
    <div
      data-focus-scope
      className="z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 bg-stone-50/95 px-4 py-3 backdrop-blur [@media(min-height:36rem)]:sticky [@media(min-height:36rem)]:top-0"
      data-testid="toolbar"
    >
      <p className="text-sm font-semibold" data-testid="progress-count">
        {t("progress", progress)}
      </p>
      <Button variant="secondary" busy={checking.size > 0} onClick={() => refreshAll()} data-testid="check-all">
        {t("checkAll")}
      </Button>
      {checkFailure && <FailureMessage failure={checkFailure} className="w-full" autoFocus />}
      <CheckAnnouncer />
    </div>
  );
}

/**
 * One polite sentence when a "check all" finishes (the cards change silently): how many
 * steps are done, to do, and could not be checked. Emptied first, so the same result twice
 * is spoken twice.
 */
function CheckAnnouncer() {
  const t = useTranslations("a11y");
  const { lastCheck } = useWorkshop();
  const [text, setText] = useState("");
  useEffect(() => {
    if (!lastCheck) return;
    setText("");
    const timer = setTimeout(() => setText(t("checkSummary", lastCheck)), 150);
    return () => clearTimeout(timer);
  }, [lastCheck, t]);
  return (
    <p role="status" className="sr-only" data-testid="check-summary" data-checks={lastCheck?.n ?? 0}>
      {text}
    </p>
  );
}

function StepList({ steps }: { steps: readonly StepId[] }) {
  const t = useTranslations("workshop");
  let lastPart: string | null = null;
  const firstBillable = steps.find((id) => stepMeta(id).billable);
  return (
    <div className="space-y-5">
      {steps.map((id) => {
        const meta = stepMeta(id);
        const Body = STEP_BODIES[id];
        const heading = meta.part !== lastPart ? meta.part : null;
        lastPart = meta.part;
        return (
          <Fragment key={id}>
            {heading && (
              <h2 className="pt-4 text-base font-bold uppercase tracking-wide text-stone-700">{t(`parts.${heading}`)}</h2>
            )}
            {id === firstBillable && <BillingNotice workshop={meta.workshop} />}
            <StepCard id={id}>{Body && <Body />}</StepCard>
          </Fragment>
        );
      })}
    </div>
  );
}
