"use client";

import { useTranslations } from "next-intl";
import type { StreamStatus } from "./useEventStream";

const DOT: Record<StreamStatus, string> = {
  connecting: "bg-stone-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500 animate-pulse motion-reduce:animate-none",
  busy: "bg-amber-500",
};

export function ConnectionBadge({ status, className = "" }: { status: StreamStatus; className?: string }) {
  const t = useTranslations("room.connection");
  return (
    <span role="status" data-testid="connection" data-status={status} className={`inline-flex items-center gap-1.5 ${className}`}>
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[status]}`} />
      {t(status)}
    </span>
  );
}
