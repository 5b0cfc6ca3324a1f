"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { applyAttendeeEvent } from "@/lib/rooms/board-state";
import type { AttendeeSnapshot, RoomEvent } from "@/lib/rooms/model";
import { progressCount } from "@/lib/workshop/progress";
import { Link } from "@/i18n/navigation";
import { ConnectionBadge } from "./ConnectionBadge";
import { useEventStream } from "./useEventStream";

// News that ends the attendee's place (room closed, removed) comes as an event: its dialogs
// are fetched when it does, not with the page (bench/bundle/README.md). A modal dialog shows
// only once opened by script, so the page without JS looks the same.
const Closed = lazy(() => import("./RoomEnded").then((m) => ({ default: m.Closed })));
const Removed = lazy(() => import("./RoomEnded").then((m) => ({ default: m.Removed })));

/**
 * The room strip above an attendee's checklist: who they are, what the board has recorded
 * for them, and the organizer's announcement, all live.
 */
export function RoomBar({ initial }: { initial: AttendeeSnapshot }) {
  const t = useTranslations("room");
  const tc = useTranslations("common");
  const ts = useTranslations("steps");
  const [state, setState] = useState(initial);
  // The latest announcement also floats at the bottom, wherever the attendee has scrolled.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const apply = (e: unknown) => setState((s) => applyAttendeeEvent(s, e as RoomEvent));
  const status = useEventStream(`/api/rooms/${initial.room.code}/events?view=attendee`, {
    snapshot: (s) => setState(s as AttendeeSnapshot),
    room: apply,
    closed: apply,
    removed: apply,
    progress: apply,
  });
  const { room, you } = state;
  // Counted as the page's own count is (lib/workshop/progress.ts), from the board's record.
  const recorded = progressCount(room.steps, (s) => you?.done[s] !== undefined);

  return (
    <div className="mb-5 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
        <div className="min-w-0">
          <h1 className="text-lg font-bold [overflow-wrap:anywhere]">{room.title}</h1>
          {you && (
            <p className="text-stone-600" data-testid="room-nickname">
              {t("youAre", { nickname: you.nickname })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {you && (
            <span className="rounded-full bg-emerald-100 px-3 py-1 font-semibold text-emerald-900" data-testid="recorded-count">
              {t("recorded", recorded)}
            </span>
          )}
          <Link href={`/r/${room.code}/board`} target="_blank" className="inline-flex min-h-10 items-center font-medium text-sky-800 underline underline-offset-2">
            {t("board")}
            <span aria-hidden="true">&nbsp;↗</span>
            <span className="sr-only">{ts("opensInNewTab")}</span>
          </Link>
          <ConnectionBadge status={status} />
        </div>
      </div>
      {room.announcement && (
        <div className="rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950" data-testid="announcement">
          <p className="text-xs font-bold uppercase tracking-wide">{t("announcement")}</p>
          <p className="mt-1 whitespace-pre-wrap text-lg font-semibold">{room.announcement}</p>
        </div>
      )}
      {/* Always on the page, so that a new announcement arriving in it is spoken (politely). */}
      <div role="status" data-testid="announcement-live">
        {room.announcement && room.announcedAt !== dismissed && (
          <div className="fixed inset-x-0 bottom-0 z-40 border-t-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950 shadow-lg" data-testid="announcement-toast">
            <div className="mx-auto flex max-w-3xl items-start gap-3">
              <p className="min-w-0 flex-1">
                <span className="block text-xs font-bold">{t("announcement")}</span>
                <span className="whitespace-pre-wrap font-semibold">{room.announcement}</span>
              </p>
              <button
                type="button"
                onClick={() => setDismissed(room.announcedAt)}
                className="min-h-10 shrink-0 rounded-md border border-amber-700 px-3 text-sm font-semibold hover:bg-amber-100"
              >
                {tc("close")}
              </button>
            </div>
          </div>
        )}
      </div>
      <Suspense fallback={null}>{room.closedAt !== null ? <Closed /> : !you ? <Removed code={room.code} /> : null}</Suspense>
    </div>
  );
}
