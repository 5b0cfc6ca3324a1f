"use client";

import { useState, type Ref } from "react";
import type { SessionEndReason } from "@/lib/result";
import type { SessionView } from "@/lib/credentials/session-view";
import { SessionBanner } from "./SessionBanner";
import { SessionLostBar, SessionLostDialog } from "./SessionLostDialog";

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

  if (!lost) return <SessionBanner session={session} onChange={onChange} onSignedOut={onSignedOut} focusRef={focusRef} />;
  return (
    <>
      {dialogClosed && <SessionLostBar reason={lost} onReopen={() => setDialogClosed(false)} />}
      <SessionLostDialog reason={lost} open={!dialogClosed} region={session.region} onSignedIn={onChange} onClose={() => setDialogClosed(true)} />
    </>
  );
}
