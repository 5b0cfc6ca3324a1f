"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import type { CreatedRoom } from "@/lib/rooms/actions";
import { spacedCode } from "@/lib/rooms/model";
import { CopyableUrl } from "@/components/ui/CopyableUrl";
import { useFocusOnMount } from "@/components/ui/focus";

/** Shown once after creation: the only time the organizer key is on screen. */
export function RoomCreated({ room, title }: { room: CreatedRoom; title: string }) {
  const t = useTranslations("created");
  const organizerUrl = `${room.urls.organize}#key=${room.organizerKey}`;
  // The form that was submitted is gone: focus the news, not the top of the page.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  return (
    <section aria-labelledby="created-title" className="mt-4 space-y-4" data-testid="room-created">
      <h3 id="created-title" ref={heading} tabIndex={-1} className="text-lg font-bold">
        {t("title", { title })}
      </h3>
      <p className="text-sm">
        {t("code")}:{" "}
        <span className="font-mono text-2xl font-bold tracking-widest" data-testid="created-code">
          {spacedCode(room.code)}
        </span>
      </p>
      <div className="rounded-xl border-2 border-red-300 bg-red-50 p-4 text-sm text-red-950">
        <p className="font-bold">{t("keyWarningTitle")}</p>
        <p className="mt-1">{t("keyWarning")}</p>
        <p className="mt-3 text-xs font-semibold">{t("organizerUrl")}</p>
        <div className="mt-1">
          <CopyableUrl url={organizerUrl} testId="organizer-url" onWhite />
        </div>
      </div>
      <UrlRow label={t("joinUrl")} url={room.urls.join} testId="join-url" />
      <UrlRow label={t("boardUrl")} url={room.urls.board} testId="board-url" />
      <div className="flex flex-wrap gap-3">
        <a href={organizerUrl} className="inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
          {t("saved")}
        </a>
        <a href={room.urls.board} target="_blank" rel="noopener" className="inline-flex min-h-10 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold hover:bg-stone-100">
          {t("openBoard")}
        </a>
      </div>
    </section>
  );
}

function UrlRow({ label, url, testId }: { label: string; url: string; testId: string }) {
  return (
    <div>
      <p className="text-xs font-semibold text-stone-600">{label}</p>
      <div className="mt-1">
        <CopyableUrl url={url} testId={testId} />
      </div>
    </div>
  );
}
