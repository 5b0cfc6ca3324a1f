"use client";

import { useTranslations } from "next-intl";
import { Fragment, useEffect, useState, type ReactNode } from "react";
import type { SessionView } from "@/lib/credentials/session-view";
import { stepMeta, type StepId } from "@/lib/workshop/catalog";
import { PasteForm } from "@/components/credentials/PasteForm";
import { SessionStrip } from "@/components/credentials/SessionStrip";
import { BillableChip, BillingNotice } from "@/components/steps/BillingNotice";
import { StepCard } from "@/components/steps/StepCard";
import { STEP_BODIES } from "@/workshops/bodies";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useFocusAcrossSignIn } from "@/components/ui/focus";
import { useProgress } from "./useProgress";
import { useWorkshop, WorkshopProvider, type SignedOutReason } from "./WorkshopContext";

export type WorkshopProps = {
  initialSession: SessionView | null;
  /** Why there is no session on a page loaded after it ended (the server restarted, say). */
  initialSignedOut?: SignedOutReason;
  room: string | null;
  steps: readonly StepId[];
  /** Shown above the cards (room announcements, for example). */
  header?: ReactNode;
};

export function Workshop({ initialSession, initialSignedOut = null, room, steps, header }: WorkshopProps) {
  return (
    <WorkshopProvider initialSession={initialSession} initialSignedOut={initialSignedOut} room={room} steps={steps}>
      {header}
      <WorkshopView />
    </WorkshopProvider>
  );
}

function WorkshopView() {
  const t = useTranslations("workshop");
  const { session, setSession, lost, signedOutReason, signOutLocally, refreshAll, steps } = useWorkshop();
  // Signing in or out swaps the form for the checklist (or back): focus follows.
  const banner = useFocusAcrossSignIn(session, { afterJoin: true });

  useEffect(() => {
    if (session && !lost) void refreshAll();
    // Re-check whenever the attendee signs in or changes region.
  }, [session?.region, session?.expiresAt]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!session) {
    return (
      <div className="space-y-6">
        <PasteForm
          onSignedIn={setSession}
          notice={signedOutReason && signedOutReason !== "signed-out" ? t(`signedOut.${signedOutReason}`) : undefined}
        />
        <StepOutline steps={steps} />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <SessionStrip session={session} lost={lost} onChange={setSession} onSignedOut={signOutLocally} focusRef={banner} />
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

function StepOutline({ steps }: { steps: readonly StepId[] }) {
  const t = useTranslations("steps");
  const tw = useTranslations("workshop");
  return (
    <section aria-labelledby="outline-title" className="rounded-2xl border border-dashed border-stone-300 p-5">
      <h2 id="outline-title" className="font-bold">
        {tw("outlineTitle")}
      </h2>
      <ol className="mt-3 space-y-2">
        {steps.map((id) => {
          const meta = stepMeta(id);
          return (
            <li key={id} className="flex items-center gap-3 text-sm">
              <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-stone-200 font-bold">
                {meta.number}
              </span>
              <span>{t(`${id}.title`)}</span>
              {meta.billable && <BillableChip />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
