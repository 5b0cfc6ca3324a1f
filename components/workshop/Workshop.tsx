"use client";

import { useTranslations } from "next-intl";
import { lazy, startTransition, useEffect, type ReactNode } from "react";
import type { SessionView } from "@/lib/credentials/session-view";
import { stepMeta, type StepId } from "@/lib/workshop/catalog";
import { PasteForm } from "@/components/credentials/PasteForm";
import { BillableChip } from "@/components/steps/BillableChip";
import { useFocusAcrossSignIn } from "@/components/ui/focus";
import { useWorkshop, WorkshopProvider, type SignedOutReason } from "./WorkshopContext";

/**
 * The signed-in checklist is its own chunk (bench/bundle/README.md): a page opened signed
 * out fetches it once shown, while the attendee reads and pastes. Rendered on the server like
 * the rest (the no-JS output is the same; React.lazy rather than next/dynamic, which adds
 * ~1.7 KB gz of its own). No Suspense boundary of its own: signing in is a transition
 * (below), so the paste form stays until the checklist can replace it, and focus then moves
 * to its banner; a page loaded signed in hydrates once the chunk is there.
 */
const Checklist = lazy(() => import("./Checklist").then((m) => ({ default: m.Checklist })));

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
  const { session, setSession, lost, signedOutReason, refreshAll, steps } = useWorkshop();
  // Signing in or out swaps the form for the checklist (or back): focus follows.
  const banner = useFocusAcrossSignIn(session, { afterJoin: true });

  useEffect(() => {
    void import("./Checklist");
  }, []);

  useEffect(() => {
    if (session && !lost) void refreshAll();
    // Re-check whenever the attendee signs in or changes region.
  }, [session?.region, session?.expiresAt]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!session) {
    return (
      <div className="space-y-6">
        <PasteForm
          onSignedIn={(next) => startTransition(() => setSession(next))}
          notice={signedOutReason && signedOutReason !== "signed-out" ? t(`signedOut.${signedOutReason}`) : undefined}
        />
        <StepOutline steps={steps} />
      </div>
    );
  }

  return <Checklist focusRef={banner} />;
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
