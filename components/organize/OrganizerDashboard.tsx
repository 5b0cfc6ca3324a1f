"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState, useTransition } from "react";
import { reachServer, type Failure, type Result } from "@/lib/result";
import { announce, removeAttendee, restartClock, setLocked, setMaxPerAccount, setStuckMinutes } from "@/lib/rooms/actions";
import {
  ANNOUNCEMENT_MAX,
  currentStep,
  lastActivity,
  spacedCode,
  stuckFor,
  MAX_ATTENDEES_LIMIT,
  STUCK_MINUTES_CHOICES,
  type BoardSnapshot,
  type RoomInfo,
} from "@/lib/rooms/model";
import { stepMeta } from "@/lib/workshop/catalog";
import { teardownNumber, workshopById } from "@/workshops";
import { Button } from "@/components/ui/Button";
import { CopyableUrl } from "@/components/ui/CopyableUrl";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { Link } from "@/i18n/navigation";
import { ConnectionBadge } from "@/components/rooms/ConnectionBadge";
import { QrCode } from "@/components/rooms/QrCode";
import type { QrShape } from "@/lib/rooms/qr";
import { useLiveRoom } from "@/components/rooms/useLiveRoom";
import { CloseRoom } from "./CloseRoom";

export function OrganizerDashboard({
  initial,
  joinUrl,
  joinQr,
  loopbackOrigin,
}: {
  initial: BoardSnapshot;
  joinUrl: string;
  /** The join URL's QR code, made on the server (lib/rooms/qr.ts). */
  joinQr: QrShape;
  /** Set when the page was opened at an address attendees cannot reach. */
  loopbackOrigin: string | null;
}) {
  const t = useTranslations("organize");
  const locale = useLocale();
  const { state, status, now, setRoom: onRoom } = useLiveRoom(initial, "organizer", 15_000);
  useEffect(() => {
    // Already signed in by cookie: the key must not stay in the address bar (or a screen share).
    if (window.location.hash.includes("key=")) history.replaceState(null, "", window.location.pathname + window.location.search);
  }, []);
  const { room } = state;

  if (room.closedAt !== null) {
    return (
      <section className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm" data-testid="organizer-closed">
        <h1 className="text-2xl font-bold">{room.title}</h1>
        <p className="mt-3 text-lg font-semibold">{t("closedTitle")}</p>
        {state.summary && <p className="mt-1 text-stone-700">{t("closedSummary", { joined: state.summary.joined, finished: state.summary.finished })}</p>}
        <Link href="/" className="mt-4 inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
          {t("newRoom")}
        </Link>
      </section>
    );
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-semibold text-stone-600">{t("title")}</p>
          <h1 className="text-2xl font-bold sm:text-3xl">{room.title}</h1>
          <p className="text-stone-600">
            <span data-testid="room-workshop">{workshopById(room.workshop)?.title[locale === "en" ? "en" : "ja"]}</span> · {room.date} · <span className="font-mono font-bold tracking-widest">{spacedCode(room.code)}</span>
          </p>
        </div>
        <ConnectionBadge status={status} className="text-sm text-stone-600" />
      </div>

      {loopbackOrigin && (
        <p role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          {t("notLoopback", { origin: loopbackOrigin })}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Share room={room} joinUrl={joinUrl} joinQr={joinQr} />
        <Controls room={room} onRoom={onRoom} />
      </div>

      <Attendees state={state} now={now} />
    </div>
  );
}

function Card({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Share({ room, joinUrl, joinQr }: { room: RoomInfo; joinUrl: string; joinQr: QrShape }) {
  const t = useTranslations("organize");
  const ts = useTranslations("steps");
  return (
    <Card title={t("share")} id="share-title">
      <div className="mt-3 flex flex-wrap items-center gap-5">
        <QrCode qr={joinQr} className="h-40 w-40 rounded border border-stone-200" title={t("joinUrl")} />
        <div className="min-w-0 flex-1 space-y-2">
          <p className="font-mono text-3xl font-black tracking-widest">{spacedCode(room.code)}</p>
          <p className="text-xs font-semibold text-stone-600">{t("joinUrl")}</p>
          <CopyableUrl url={joinUrl} testId="organizer-join-url" />
          <a
            href={`/${room.language}/r/${room.code}/board`}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-10 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold hover:bg-stone-100"
          >
            {t("openBoard")}
            <span aria-hidden="true">&nbsp;↗</span>
            <span className="sr-only">{ts("opensInNewTab")}</span>
          </a>
        </div>
      </div>
    </Card>
  );
}

/** Runs an organizer action and keeps its failure on screen. */
function useOrganizerAction() {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = <T,>(action: () => Promise<Result<T>>, onOk?: (data: T) => void) =>
    startTransition(async () => {
      const res = await reachServer(() => action());
      if (!res.ok) return setFailure(res);
      setFailure(null);
      onOk?.(res.data);
    });
  return { pending, failure, run };
}

function Controls({ room, onRoom }: { room: RoomInfo; onRoom: (room: RoomInfo) => void }) {
  const t = useTranslations("organize");
  // The step the teardown announcement sends attendees to: the room's workshop's clean-up.
  const teardownAt = teardownNumber(room.workshop) ?? room.steps.length;
  const locale = useLocale();
  const ta = useTranslations("a11y");
  const { pending, failure, run } = useOrganizerAction();
  const [text, setText] = useState("");
  // What the last announcement action did, said once to screen readers.
  const [notice, setNotice] = useState("");

  return (
    <Card title={t("controls")} id="controls-title">
      <div className="mt-3 space-y-5">
        <div>
          <Button variant={room.locked ? "primary" : "secondary"} busy={pending} onClick={() => run(() => setLocked(room.code, !room.locked), onRoom)} data-testid="lock-toggle">
            {room.locked ? t("unlock") : t("lock")}
          </Button>
          <div role="status">
            {room.locked && (
              <p className="mt-2 text-sm text-amber-900" data-testid="locked-note">
                {t("lockedNote")}
              </p>
            )}
          </div>
        </div>

        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => announce(room.code, text), (r) => {
              onRoom(r);
              setText("");
              setNotice(ta("announcementSent"));
            });
          }}
        >
          <label htmlFor="announcement" className="block text-sm font-semibold">
            {t("announcement")}
          </label>
          {room.announcement && (
            <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="current-announcement">
              <p className="text-xs font-bold text-amber-900">{t("currentAnnouncement")}</p>
              <p className="whitespace-pre-wrap">{room.announcement}</p>
            </div>
          )}
          <textarea
            id="announcement"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={ANNOUNCEMENT_MAX}
            rows={2}
            placeholder={t("announcementPlaceholder", { number: teardownAt })}
            aria-describedby="announcement-help"
            className="block w-full rounded-lg border border-stone-500 bg-white p-2"
          />
          <p id="announcement-help" className="text-xs text-stone-600">
            {t("announcementHelp", { max: ANNOUNCEMENT_MAX })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={pending} disabled={text.trim() === ""}>
              {t("announce")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setText(t("teardownPreset", { number: teardownAt }))}>
              {t("usePreset")}
            </Button>
            {room.announcement && (
              <Button
                type="button"
                variant="secondary"
                busy={pending}
                onClick={() =>
                  run(() => announce(room.code, null), (r) => {
                    onRoom(r);
                    setNotice(ta("announcementCleared"));
                  })
                }
              >
                {t("clearAnnouncement")}
              </Button>
            )}
          </div>
          <p role="status" className="sr-only" data-testid="announcement-notice">
            {notice}
          </p>
        </form>

        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="stuck-minutes" className="block text-sm font-semibold">
              {t("stuckThreshold")}
            </label>
            <select
              id="stuck-minutes"
              value={room.stuckMinutes}
              onChange={(e) => run(() => setStuckMinutes(room.code, Number(e.target.value)), onRoom)}
              className="mt-1 block min-h-10 rounded-lg border border-stone-500 bg-white px-3"
            >
              {STUCK_MINUTES_CHOICES.map((m) => (
                <option key={m} value={m}>
                  {t("minutes", { minutes: m })}
                </option>
              ))}
            </select>
          </div>
          <PerAccountLimit room={room} busy={pending} onSave={(max) => run(() => setMaxPerAccount(room.code, max), onRoom)} />
          <Button variant="ghost" busy={pending} onClick={() => run(() => restartClock(room.code), onRoom)}>
            {t("restartClock")}
          </Button>
        </div>

        <div className="flex flex-wrap gap-2 border-t border-stone-100 pt-4">
          <a
            href={`/api/rooms/${room.code}/export?lang=${locale}`}
            download
            className="inline-flex min-h-10 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold hover:bg-stone-100"
            data-testid="export-csv"
          >
            {t("export")}
          </a>
          <CloseRoom code={room.code} />
        </div>
        {failure && <FailureMessage failure={failure} autoFocus />}
      </div>
    </Card>
  );
}

/** How many attendees may join with one AWS account: a number field saved on change. */
function PerAccountLimit({ room, busy, onSave }: { room: RoomInfo; busy: boolean; onSave: (max: number) => void }) {
  const t = useTranslations("organize");
  const [value, setValue] = useState(String(room.maxPerAccount));
  // A new value from the server (this page's save, another organizer tab) replaces the field's,
  // adjusted while rendering rather than one render late in an effect.
  const [shown, setShown] = useState(room.maxPerAccount);
  if (room.maxPerAccount !== shown) {
    setShown(room.maxPerAccount);
    setValue(String(room.maxPerAccount));
  }
  const save = () => {
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n !== room.maxPerAccount) onSave(n);
  };
  return (
    <div>
      <label htmlFor="per-account" className="block text-sm font-semibold">
        {t("maxPerAccount")}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="per-account"
          type="number"
          min={1}
          max={MAX_ATTENDEES_LIMIT}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") save();
          }}
          aria-describedby="per-account-help"
          className="block min-h-10 w-24 rounded-lg border border-stone-500 bg-white px-3"
          data-testid="per-account"
        />
        <Button variant="secondary" busy={busy} onClick={save} disabled={value === String(room.maxPerAccount)}>
          {t("save")}
        </Button>
      </div>
      <p id="per-account-help" className="mt-1 max-w-xs text-xs text-stone-600">
        {t("maxPerAccountHelp")}
      </p>
    </div>
  );
}

function Attendees({ state, now }: { state: BoardSnapshot; now: number }) {
  const t = useTranslations("organize");
  const ts = useTranslations("steps");
  const { pending, failure, run } = useOrganizerAction();
  const { room, attendees, sharedAccounts = {} } = state;
  const rows = useMemo(
    () =>
      attendees.map((a) => ({
        a,
        current: currentStep(room.steps, a.done),
        doneCount: room.steps.filter((s) => a.done[s] !== undefined).length,
        stuckMs: stuckFor(room, a, now),
        idleMin: Math.floor((now - lastActivity(a)) / 60_000),
      })),
    [attendees, room, now],
  );
  const hasShared = Object.keys(sharedAccounts).length > 0;

  return (
    <Card title={t("attendees", { count: attendees.length })} id="attendees-title">
      {hasShared && <p className="mt-1 text-sm text-stone-600">{t("sharedAccountHelp")}</p>}
      {failure && <FailureMessage failure={failure} className="mt-2" />}
      {attendees.length === 0 ? (
        <p className="mt-3 text-stone-600">{t("noAttendees")}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm" data-testid="attendee-table">
            <thead className="border-b border-stone-200 text-xs text-stone-600">
              <tr>
                <th className="py-2 pr-3 font-semibold">{t("columns.nickname")}</th>
                <th className="py-2 pr-3 font-semibold">{t("columns.current")}</th>
                <th className="py-2 pr-3 font-semibold">{t("columns.done")}</th>
                <th className="py-2 pr-3 font-semibold">{t("columns.last")}</th>
                {hasShared && <th className="py-2 pr-3 font-semibold">{t("columns.account")}</th>}
                <th className="py-2 font-semibold">
                  <span className="sr-only">{t("columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ a, current, doneCount, stuckMs, idleMin }) => (
                <tr key={a.id} className={`border-b border-stone-100 ${stuckMs !== null ? "bg-amber-50" : ""}`} data-testid="attendee-row" data-stuck={stuckMs !== null || undefined}>
                  <td className="max-w-[14rem] truncate py-2 pr-3 font-semibold">{a.nickname}</td>
                  <td className="py-2 pr-3">
                    {current ? (
                      <span>
                        <span className="font-semibold">{t("stepLabel", { number: stepMeta(current).number })}</span>{" "}
                        <span className="text-stone-600">{ts(`${current}.short`)}</span>
                      </span>
                    ) : (
                      <span className="font-semibold text-emerald-700">✓ {t("finished")}</span>
                    )}
                  </td>
                  <td className="py-2 pr-3 tabular-nums">
                    {doneCount} / {room.steps.length}
                  </td>
                  <td className="py-2 pr-3">
                    {idleMin < 1 ? t("justNow") : t("minutesAgo", { minutes: idleMin })}
                    {stuckMs !== null && (
                      <span className="ml-2 rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold text-amber-950">{t("stuck")}</span>
                    )}
                  </td>
                  {hasShared && (
                    <td className="py-2 pr-3">
                      {sharedAccounts[a.id] && (
                        <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-bold text-sky-900">{t("sharedAccount", { letter: sharedAccounts[a.id] })}</span>
                      )}
                    </td>
                  )}
                  <td className="py-2 text-right">
                    <Button
                      variant="ghost"
                      className="min-h-8 px-2 text-red-800"
                      busy={pending}
                      onClick={() => {
                        if (window.confirm(t("removeConfirm", { nickname: a.nickname }))) run(() => removeAttendee(room.code, a.id));
                      }}
                    >
                      {t("remove")}
                      <span className="sr-only">: {a.nickname}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
