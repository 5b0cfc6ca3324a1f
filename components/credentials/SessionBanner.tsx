"use client";

import { reachServer, sessionEndReason, type Failure, type SessionEndReason } from "@/lib/result";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition, type Ref } from "react";
import { changeRegion, signOut } from "@/lib/credentials/actions";
import type { SessionView } from "@/lib/credentials/session-view";
import { Button } from "@/components/ui/Button";
import { useIdentityLabel } from "./IdentityName";
import { RegionOptions } from "./RegionName";

/** Who the attendee is, how long their credentials last, the region, and sign-out. */
export function SessionBanner({
  session,
  onChange,
  onSignedOut,
  focusRef,
}: {
  session: SessionView;
  onChange: (session: SessionView) => void;
  onSignedOut: (reason: SessionEndReason) => void;
  /** Where focus goes after signing in (a region, not a stop in the Tab order). */
  focusRef?: Ref<HTMLElement>;
}) {
  const t = useTranslations("credentials");
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const left = useTimeLeft(session.expiresAt);

  useEffect(() => {
    if (left <= 0) onSignedOut("expired");
  }, [left, onSignedOut]);

  const minutes = Math.max(0, Math.floor(left / 60_000));
  const identity = useIdentityLabel();

  return (
    <section
      ref={focusRef}
      tabIndex={-1}
      aria-label={t("bannerLabel")}
      className="rounded-2xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <dl className="flex min-w-0 max-w-full flex-wrap gap-x-6 gap-y-1">
          <div>
            <dt className="text-xs text-emerald-800">{t("who")}</dt>
            <dd className="font-semibold" data-testid="identity">
              {identity(session.identity)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-emerald-800">{t("account")}</dt>
            <dd className="font-mono" data-testid="account">
              {session.identity.account}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-emerald-800">{t("timeLeft")}</dt>
            <dd className={minutes < 10 ? "font-semibold text-red-800" : ""} data-testid="time-left">
              {session.expiryKnown
                ? t("minutesLeft", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
                : t("expiryUnknown")}
            </dd>
          </div>
          <div className="max-w-full">
            <dt className="text-xs text-emerald-800">
              <label htmlFor="session-region">{t("region")}</label>
            </dt>
            <dd>
              <select
                id="session-region"
                value={session.region}
                disabled={pending}
                onChange={(e) => {
                  const region = e.target.value;
                  startTransition(async () => {
                    const res = await reachServer(() => changeRegion(region));
                    if (res.ok) {
                      setFailure(null);
                      onChange(res.data);
                      return;
                    }
                    const ended = sessionEndReason(res, session.expiresAt);
                    if (ended) onSignedOut(ended);
                    else setFailure(res);
                  });
                }}
                className="min-h-10 max-w-full rounded-md border border-emerald-700 bg-white px-2 py-1"
              >
                <RegionOptions />
              </select>
            </dd>
          </div>
        </dl>
        <Button
          variant="secondary"
          busy={pending}
          onClick={() =>
            startTransition(async () => {
              const res = await reachServer(() => signOut());
              if (res.ok) onSignedOut("signed-out");
              else setFailure(res);
            })
          }
        >
          {t("signOut")}
        </Button>
      </div>
      {failure && <FailureMessage failure={failure} className="mt-3" autoFocus />}
      {session.warnings.map((w) => (
        <p key={w} role="note" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {t(`warnings.${w}`)}
        </p>
      ))}
    </section>
  );
}

function useTimeLeft(expiresAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    const onVisible = () => setNow(Date.now());
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  return expiresAt - now;
}
