"use client";

import { useTranslations } from "next-intl";
import type { BoardAttendee } from "@/lib/rooms/model";
import { stepMeta, type StepId } from "@/lib/workshop/catalog";

/** One bar per step: how many of those who joined have it verified. */
export function StepBars({ steps, attendees }: { steps: readonly StepId[]; attendees: readonly BoardAttendee[] }) {
  const t = useTranslations("board");
  const ta = useTranslations("a11y");
  const ts = useTranslations("steps");
  const joined = attendees.length;
  return (
    <ol className="space-y-2" aria-label={t("title")}>
      {steps.map((id) => {
        const done = attendees.filter((a) => a.done[id] !== undefined).length;
        const pct = joined === 0 ? 0 : Math.round((done / joined) * 100);
        const label = `bar-${id}-label`;
        return (
          <li key={id} className="grid grid-cols-[2.25rem_minmax(0,1fr)_auto] items-center gap-3 lg:grid-cols-[3rem_minmax(0,1fr)_6.5rem]" data-testid={`bar-${id}`} data-done={done}>
            <span className="flex h-9 w-9 items-center justify-center rounded-full bg-slate-700 text-lg font-black lg:h-12 lg:w-12 lg:text-2xl">
              {stepMeta(id).number}
            </span>
            <div className="min-w-0">
              <p id={label} className="truncate text-base font-bold lg:text-2xl">
                {ts(`${id}.short`)}
              </p>
              {/* The track's edge is drawn, so an empty bar reads as empty, not missing (3:1 or more). */}
              <div
                className="mt-1 h-3 overflow-hidden rounded-full border border-slate-500 bg-slate-800 lg:h-4"
                role="progressbar"
                aria-labelledby={label}
                aria-valuemin={0}
                aria-valuemax={Math.max(joined, 1)}
                aria-valuenow={done}
                aria-valuetext={ta("stepProgress", { done, joined })}
              >
                <div className="h-full rounded-full bg-emerald-400 transition-[width] duration-700 motion-reduce:transition-none" style={{ width: `${pct}%` }} />
              </div>
            </div>
            {/* The bar says the same in words for screen readers. */}
            <span className="text-right text-xl font-black tabular-nums lg:text-4xl" aria-hidden="true">
              {done}
              <span className="text-base font-bold text-slate-300 lg:text-2xl">/{joined}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
