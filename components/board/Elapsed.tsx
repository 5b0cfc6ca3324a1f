"use client";

import { useTranslations } from "next-intl";
import { useNow } from "@/components/rooms/useEventStream";

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** h:mm:ss since the room started, ticking every second on its own. */
export function Elapsed({ startedAt, offset, initialNow }: { startedAt: number | null; offset: number; initialNow: number }) {
  const t = useTranslations("board");
  const now = useNow(offset, 1000, initialNow);
  if (startedAt === null) return <span className="text-slate-300"><span aria-hidden="true">—</span><span className="sr-only">{t("notStarted")}</span></span>;
  return <span data-testid="elapsed">{formatElapsed(now - startedAt)}</span>;
}
