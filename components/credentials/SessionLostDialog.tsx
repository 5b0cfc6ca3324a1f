"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { SessionEndReason } from "@/lib/result";
import type { SessionView } from "@/lib/credentials/session-view";
import { Button } from "@/components/ui/Button";
import { PasteForm } from "./PasteForm";

/**
 * Asks for a new paste over the page, which stays as it was (cards, open forms, a QR code
 * being scanned) so that the attendee carries on where they were once signed in again.
 */
export function SessionLostDialog({
  reason,
  open,
  region,
  onSignedIn,
  onClose,
}: {
  reason: SessionEndReason;
  open: boolean;
  region: string;
  onSignedIn: (session: SessionView) => void;
  onClose: () => void;
}) {
  const t = useTranslations("session");
  const tw = useTranslations("workshop.signedOut");
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The paste box, not the first button: pasting is what the attendee came to do.
      dialog.querySelector<HTMLTextAreaElement>("textarea")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="session-lost-title"
      data-testid="session-lost"
      data-reason={reason}
      className="m-0 max-h-full w-full max-w-none overflow-y-auto bg-transparent p-2 backdrop:bg-stone-950/60 sm:m-auto sm:max-h-[92vh] sm:max-w-2xl sm:p-4"
    >
      <div className="rounded-2xl border border-stone-200 bg-white p-4 shadow-xl sm:p-6">
        <div className="flex items-start justify-between gap-3">
          <h2 id="session-lost-title" className="text-xl font-bold">
            {t("lostTitle")}
          </h2>
          <Button variant="ghost" className="shrink-0 whitespace-nowrap" onClick={onClose} data-testid="session-lost-close">
            {t("later")}
          </Button>
        </div>
        <p className="mt-1 text-sm text-stone-700">{t("keepsPlace")}</p>
        {open && <PasteForm bare onSignedIn={onSignedIn} notice={tw(reason)} defaultRegion={region} />}
      </div>
    </dialog>
  );
}

/** Where the dialog was closed without signing in: a reminder that opens it again. */
export function SessionLostBar({ reason, onReopen }: { reason: SessionEndReason; onReopen: () => void }) {
  const t = useTranslations("session");
  const tw = useTranslations("workshop.signedOut");
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="session-lost-bar">
      <p className="min-w-0 flex-1">{tw(reason)}</p>
      <Button onClick={onReopen}>{t("pasteAgain")}</Button>
    </div>
  );
}
