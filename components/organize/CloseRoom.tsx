"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { reachServer, type Failure } from "@/lib/result";
import { closeRoom, exportIsStale } from "@/lib/rooms/actions";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";

/** Closing deletes the attendee records: a dialog that says so and asks for the CSV first. */
export function CloseRoom({ code }: { code: string }) {
  const t = useTranslations("organize");
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <>
      <Button
        variant="danger"
        className="ml-auto"
        busy={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await reachServer(() => exportIsStale(code));
            setStale(res.ok ? res.data : false);
            setFailure(null);
            dialog.current?.showModal();
          })
        }
      >
        {t("close")}
      </Button>
      <dialog ref={dialog} aria-labelledby="close-title" className="m-auto max-w-md rounded-2xl p-6 shadow-xl backdrop:bg-stone-900/60">
        <h2 id="close-title" className="text-xl font-bold">
          {t("closeTitle")}
        </h2>
        <p className="mt-2 text-stone-700">{t("closeWarning")}</p>
        {stale && (
          <div className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="close-not-exported">
            <p>{t("closeNotExported")}</p>
            <a
              href={`/api/rooms/${code}/export?lang=${locale}`}
              download
              onClick={() => setTimeout(() => setStale(false), 500)}
              className="mt-2 inline-flex min-h-9 items-center rounded-md border border-amber-400 bg-white px-3 font-semibold"
            >
              {t("export")}
            </a>
          </div>
        )}
        {failure && <FailureMessage failure={failure} className="mt-3" />}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </Button>
          <Button
            variant="danger"
            busy={pending}
            data-testid="close-confirm"
            onClick={() =>
              startTransition(async () => {
                const res = await reachServer(() => closeRoom(code));
                if (!res.ok) return setFailure(res);
                dialog.current?.close();
              })
            }
          >
            {t("closeConfirm")}
          </Button>
        </div>
      </dialog>
    </>
  );
}
