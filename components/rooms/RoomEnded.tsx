"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useTransition, type ReactNode } from "react";
import { forgetRoom } from "@/lib/rooms/actions";
import { Link, useRouter } from "@/i18n/navigation";
import { Button } from "@/components/ui/Button";

/**
 * News that ends the attendee's place in the room, as a modal dialog: the page behind is
 * inert and focus moves into it. Escape closes it (the page stays readable: the sign-in URL,
 * say, or the teardown).
 */
function Overlay({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${testId}-title`}
      className="m-auto max-w-md rounded-2xl bg-white p-6 shadow-xl backdrop:bg-stone-900/60"
      data-testid={testId}
    >
      <h2 id={`${testId}-title`} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

export function Closed() {
  const t = useTranslations("room");
  return (
    <Overlay title={t("closedTitle")} testId="room-closed">
      <p className="mt-2 text-stone-700">{t("closed")}</p>
      <Link href="/solo" className="mt-4 inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
        {t("soloLink")}
      </Link>
    </Overlay>
  );
}

export function Removed({ code }: { code: string }) {
  const t = useTranslations("room");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Overlay title={t("removedTitle")} testId="room-removed">
      <p className="mt-2 text-stone-700">{t("removed")}</p>
      <Button
        className="mt-4"
        busy={pending}
        onClick={() =>
          startTransition(async () => {
            await forgetRoom(code);
            router.refresh();
          })
        }
      >
        {t("joinAgain")}
      </Button>
    </Overlay>
  );
}
