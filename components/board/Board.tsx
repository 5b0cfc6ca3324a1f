"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { workshopById } from "@/workshops";
import { isFinished, spacedCode, stuckFor, type BoardSnapshot } from "@/lib/rooms/model";
import { ConnectionBadge } from "@/components/rooms/ConnectionBadge";
import { QrCode } from "@/components/rooms/QrCode";
import type { QrShape } from "@/lib/rooms/qr";
import { useLiveRoom } from "@/components/rooms/useLiveRoom";
import { AttendeeGrid, type Tile } from "./AttendeeGrid";
import { Elapsed } from "./Elapsed";
import { StepBars } from "./StepBars";

/**
 * The projected board: per-step bars, everyone's ticks, who is stuck, elapsed time and the
 * join QR. Dark, big and high-contrast for the back of a room (every text 7:1 or more, the
 * e2e scan checks it with axe's AAA contrast rule); one column on a phone.
 */
// The focus ring on the dark board: amber, 12:1 on slate-950.
const BOARD_MAIN = "bg-slate-950 text-white [--focus-ring:#fcd34d]";
export function Board({ initial, joinUrl, joinQr }: { initial: BoardSnapshot; joinUrl: string; joinQr: QrShape }) {
  const t = useTranslations("board");
  const locale = useLocale();
  const { state, status, now, offset } = useLiveRoom(initial, "board", 10_000);
  const { room, attendees } = state;

  const tiles = useMemo<Tile[]>(() => {
    const all = attendees.map((a) => ({ attendee: a, stuckMs: stuckFor(room, a, now), finished: isFinished(room.steps, a.done) }));
    // Stuck attendees first, longest first, so the board always shows them; then join order.
    const stuck = all.filter((x) => x.stuckMs !== null).sort((a, b) => b.stuckMs! - a.stuckMs!);
    return [...stuck, ...all.filter((x) => x.stuckMs === null)];
  }, [attendees, room, now]);

  if (room.closedAt !== null) {
    return (
      <main className={`flex min-h-screen flex-col items-center justify-center gap-6 p-8 text-center ${BOARD_MAIN}`}>
        <h1 className="text-4xl font-black lg:text-6xl">{room.title}</h1>
        <p className="text-3xl text-slate-200" data-testid="board-closed">
          {t("closedTitle")}
        </p>
        {state.summary && <p className="text-2xl text-slate-300">{t("closedSummary", { joined: state.summary.joined, finished: state.summary.finished })}</p>}
      </main>
    );
  }

  const finished = tiles.filter((x) => x.finished).length;
  const stuckCount = tiles.filter((x) => x.stuckMs !== null).length;

  return (
    <main className={`flex min-h-screen flex-col lg:h-screen lg:overflow-hidden ${BOARD_MAIN}`} data-testid="board">
      <header className="flex flex-wrap items-end justify-between gap-x-10 gap-y-3 border-b border-slate-800 px-4 py-4 lg:flex-nowrap lg:px-10 lg:py-5">
        <div className="min-w-0">
          <h1 className="line-clamp-2 text-2xl font-black leading-tight lg:text-4xl">{room.title}</h1>
          <p className="mt-1 text-base text-slate-300 lg:text-2xl">
            <span data-testid="room-workshop">{workshopById(room.workshop)?.title[locale === "en" ? "en" : "ja"]}</span> · {room.date} · <span className="font-mono font-bold tracking-widest text-slate-200">{spacedCode(room.code)}</span>
          </p>
        </div>
        <div className="flex min-w-0 max-w-full flex-wrap items-end gap-x-6 gap-y-2 lg:shrink-0 lg:flex-nowrap lg:gap-x-10">
          <dl className="flex min-w-0 max-w-full flex-wrap items-end gap-x-6 gap-y-2 lg:flex-nowrap lg:gap-x-10">
            <Stat label={t("elapsed")}>
              <Elapsed startedAt={room.startedAt} offset={offset} initialNow={initial.serverNow} />
            </Stat>
            <Stat label={t("joined")} testId="joined-count">
              {t("people", { count: attendees.length })}
            </Stat>
            <Stat label={t("finished")}>{t("people", { count: finished })}</Stat>
            <Stat label={t("stuckCount")} tone={stuckCount > 0 ? "warn" : undefined} testId="stuck-count">
              {t("people", { count: stuckCount })}
            </Stat>
          </dl>
          <ConnectionBadge status={status} className="pb-1 text-sm text-slate-200 lg:text-lg" />
        </div>
      </header>
      {status === "reconnecting" && <Reconnecting />}
      <div className="grid min-h-0 flex-1 gap-6 p-4 lg:grid-cols-[minmax(0,36rem)_minmax(0,1fr)] lg:gap-10 lg:px-10 lg:py-5">
        <div className="flex min-h-0 flex-col justify-between gap-4">
          <StepBars steps={room.steps} attendees={attendees} />
          {attendees.length > 0 && <JoinCorner code={room.code} url={joinUrl} qr={joinQr} />}
        </div>
        {attendees.length === 0 ? (
          <BigJoin code={room.code} url={joinUrl} qr={joinQr} />
        ) : (
          <div className="flex min-h-0 flex-col">
            <Legend stuckMinutes={room.stuckMinutes} />
            <AttendeeGrid tiles={tiles} steps={room.steps} />
          </div>
        )}
      </div>
    </main>
  );
}

/** What the tiles' marks mean, drawn as they are on the tiles (shape, not only colour). */
function Legend({ stuckMinutes }: { stuckMinutes: number }) {
  const t = useTranslations("board");
  const ta = useTranslations("a11y");
  return (
    <ul className="mb-3 flex flex-wrap items-center gap-x-6 gap-y-1 text-sm text-slate-300 lg:text-lg" data-testid="board-legend">
      <li className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm bg-emerald-400 lg:h-4" />
        {ta("legendDone")}
      </li>
      <li className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm border-2 border-slate-400 lg:h-4" />
        {ta("legendTodo")}
      </li>
      <li className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-flex h-6 items-center rounded bg-amber-300 px-1.5 text-sm font-black text-slate-950">
          ⚠
        </span>
        {t("stuckLegend", { minutes: stuckMinutes })}
      </li>
    </ul>
  );
}

function Reconnecting() {
  const t = useTranslations("room.connection");
  return <div className="bg-amber-400 px-4 py-1 text-center font-bold text-slate-950 lg:text-xl">{t("reconnecting")}</div>;
}

function Stat({ label, children, tone, testId }: { label: string; children: React.ReactNode; tone?: "warn"; testId?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-300 lg:text-lg">{label}</dt>
      <dd className={`text-2xl font-black tabular-nums lg:text-5xl ${tone === "warn" ? "text-amber-400" : ""}`} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function JoinCorner({ code, url, qr }: { code: string; url: string; qr: QrShape }) {
  const t = useTranslations("board");
  return (
    <div className="flex items-center gap-5 rounded-2xl bg-slate-900 p-4">
      <QrCode qr={qr} className="h-32 w-32 shrink-0 rounded lg:h-44 lg:w-44" title={t("joinHere")} />
      <div className="min-w-0">
        <p className="text-lg font-bold lg:text-2xl">{t("joinHere")}</p>
        <p className="font-mono text-3xl font-black tracking-widest lg:text-4xl">{spacedCode(code)}</p>
        <p className="mt-1 break-all text-sm text-slate-300 lg:text-base">{url}</p>
      </div>
    </div>
  );
}

function BigJoin({ code, url, qr }: { code: string; url: string; qr: QrShape }) {
  const t = useTranslations("board");
  return (
    <div className="flex flex-col items-center justify-center gap-6 rounded-3xl bg-slate-900 p-6 text-center">
      <p className="text-2xl font-bold lg:text-4xl">{t("joinHere")}</p>
      <QrCode qr={qr} className="h-64 w-64 rounded-lg lg:h-[26rem] lg:w-[26rem]" title={t("joinHere")} />
      <p className="font-mono text-4xl font-black tracking-widest lg:text-6xl">{spacedCode(code)}</p>
      <p className="break-all text-lg text-slate-200 lg:text-2xl">{url}</p>
      <p className="max-w-xl text-slate-300 lg:text-xl">{t("scan")}</p>
    </div>
  );
}
