"use client";

import { lazy, Suspense, useEffect, useState, type Ref } from "react";
import type { SessionEndReason } from "@/lib/result";
import type { SessionView } from "@/lib/credentials/session-view";
import { SessionBanner } from "./SessionBanner";

// Shown only once a session is lost: their code (the dialog brings a paste form) is fetched
// after the page is shown, not before (bench/bundle/README.md).
const loadLost = () => import("./SessionLostDialog");
const SessionLostDialog = lazy(() => loadLost().then((m) => ({ default: m.SessionLostDialog })));
const SessionLostBar = lazy(() => loadLost().then((m) => ({ default: m.SessionLostBar })));

/**
 * The top of a signed-in page (the checklist, the teardown): the session banner while the
 * credentials work; once they are lost (expiry, server restart) the dialog asking for a new
 * paste, or, after the attendee closed it, the bar that opens it again. The dialog opens
 * afresh whenever the reason changes.
 */
export function SessionStrip({
  session,
  lost,
  onChange,
  onSignedOut,
  focusRef,
}: {
  session: SessionView;
  /** Why the credentials are gone while the page keeps its place; null while they work. */
  lost: SessionEndReason | null;
  /** A new session: a changed region, or a new paste in the dialog. */
  onChange: (session: SessionView) => void;
  onSignedOut: (reason: SessionEndReason) => void;
  focusRef?: Ref<HTMLElement>;
}) {
  const [dialogClosed, setDialogClosed] = useState(false);
  // A new loss (or the end of one) opens the dialog again: adjusted while rendering, not in an effect.
  const [seenLost, setSeenLost] = useState(lost);
  if (lost !== seenLost) {
    setSeenLost(lost);
    setDialogClosed(false);
  }
  // Fetched ahead, so the dialog can open even if the loss came with a dropped network.
  useEffect(() => {
    void loadLost();
  }, []);

  if (!lost) return <SessionBanner session={session} onChange={onChange} onSignedOut={onSignedOut} focusRef={focusRef} />;
  return (
    <Suspense fallback={null}>
      {dialogClosed && <SessionLostBar reason={lost} onReopen={() => setDialogClosed(false)} />}
      <SessionLostDialog reason={lost} open={!dialogClosed} region={session.region} onSignedIn={onChange} onClose={() => setDialogClosed(true)} />
    </Suspense>
  );
}
