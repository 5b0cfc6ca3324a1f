"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { BoardAttendee } from "@/lib/rooms/model";
import { stepMeta, type StepId } from "@/lib/workshop/catalog";

export type Tile = { attendee: BoardAttendee; stuckMs: number | null; finished: boolean };

const PAGE_MS = 10_000;

/**
 * Everyone's nickname with a tick per step. On a projector the grid fills the space it has
 * and turns pages every 10 s when the room does not fit (a button pauses it); on a phone it
 * simply scrolls. Nothing here is a live region: a screen reader reads the board when asked,
 * and is not told about every tick.
 */
export function AttendeeGrid({ tiles, steps }: { tiles: Tile[]; steps: readonly StepId[] }) {
  const t = useTranslations("board");
  const ta = useTranslations("a11y");
  const box = useRef<HTMLDivElement>(null);
  const [perPage, setPerPage] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      if (!window.matchMedia("(min-width: 1024px)").matches) return setPerPage(null);
      const first = el.querySelector("li");
      if (!first) return;
      const gap = 12;
      const cols = Math.max(1, Math.floor((el.clientWidth + gap) / (first.getBoundingClientRect().width + gap)));
      const rows = Math.max(1, Math.floor((el.clientHeight + gap) / (first.getBoundingClientRect().height + gap)));
      setPerPage(cols * rows);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [tiles.length > 0]); // eslint-disable-line react-hooks/exhaustive-deps

  const pages = perPage ? Math.max(1, Math.ceil(tiles.length / perPage)) : 1;
  useEffect(() => {
    if (pages <= 1) return setPage(0);
    if (paused) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages, paused]);

  const current = Math.min(page, pages - 1);
  const visible = perPage ? tiles.slice(current * perPage, (current + 1) * perPage) : tiles;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div ref={box} className="min-h-0 flex-1 overflow-hidden">
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] lg:auto-rows-[5.5rem]" data-testid="attendee-grid">
          {visible.map((tile) => (
            <AttendeeTile key={tile.attendee.id} tile={tile} steps={steps} />
          ))}
        </ul>
      </div>
      {pages > 1 && (
        <div className="mt-2 flex items-center justify-end gap-4">
          <p className="text-lg font-bold text-slate-300" data-testid="board-page">
            {t("page", { page: current + 1, pages })}
          </p>
          <button
            type="button"
            onClick={() => setPaused((p) => !p)}
            aria-pressed={paused}
            className="min-h-10 rounded-lg border border-slate-400 px-3 text-base font-semibold text-slate-100 hover:bg-slate-800"
            data-testid="board-paging"
          >
            {paused ? ta("resumePaging") : ta("pausePaging")}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * One attendee. What each state means is never colour alone: a finished tile has a ✓, a
 * stuck one a ⚠ and "stuck for N min" in words, and each step's tick is filled when done and
 * an empty outline when not.
 */
function AttendeeTile({ tile, steps }: { tile: Tile; steps: readonly StepId[] }) {
  const t = useTranslations("board");
  const ta = useTranslations("a11y");
  const { attendee, stuckMs, finished } = tile;
  const stuck = stuckMs !== null;
  const done = steps.filter((id) => attendee.done[id] !== undefined).length;
  const minutes = stuck ? Math.floor(stuckMs / 60_000) : 0;
  // Rings drawn inside the tile: the grid's edge would cut off one drawn outside.
  const tone = stuck
    ? "bg-amber-300 text-slate-950 ring-4 ring-inset ring-amber-100"
    : finished
      ? "bg-emerald-900 text-white ring-2 ring-inset ring-emerald-300"
      : "bg-slate-800 text-white";
  return (
    <li className={`flex flex-col justify-center rounded-xl px-3 py-2 ${tone}`} data-testid="attendee-tile" data-stuck={stuck || undefined} data-finished={finished || undefined}>
      <div className="flex items-baseline justify-between gap-2">
        <span className="truncate text-lg font-bold lg:text-2xl">{attendee.nickname}</span>
        {finished && (
          <span className="shrink-0 text-xl font-black text-emerald-200" aria-hidden="true">
            ✓
          </span>
        )}
      </div>
      {/* Read as one sentence; the ticks below are the picture of it. */}
      <span className="sr-only">
        {ta("tileProgress", { done, total: steps.length })}
        {stuck && `, ${ta("tileStuck", { minutes })}`}
        {finished && `, ${ta("tileFinished")}`}
      </span>
      <div className="mt-1.5 flex items-center gap-2" aria-hidden="true">
        <ol className="flex min-w-0 flex-1 gap-1">
          {steps.map((id) => {
            const isDone = attendee.done[id] !== undefined;
            const label = t(isDone ? "stepDone" : "stepTodo", { step: stepMeta(id).number });
            const look = isDone
              ? stuck
                ? "bg-slate-950"
                : "bg-emerald-400"
              : stuck
                ? "border-2 border-slate-950"
                : "border-2 border-slate-400";
            return <li key={id} title={label} data-step={id} data-done={isDone || undefined} className={`h-3 flex-1 rounded-sm lg:h-4 ${look}`} />;
          })}
        </ol>
        {/* Under the name, not beside it: the name of someone stuck must not be cut short. */}
        {stuck && <span className="shrink-0 text-sm font-black lg:text-lg">⚠ {t("stuckFor", { minutes })}</span>}
      </div>
    </li>
  );
}
