"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { reachServer, type Failure } from "@/lib/result";
import { finishTeardown, planTeardown, removeTeardownItem } from "@/lib/aws/teardown/actions";
import type { KeptResource, PlannedRemoval, ResourceRef, TeardownDetail, TeardownPlan } from "@/lib/aws/teardown/types";
import type { SessionView } from "@/lib/credentials/session-view";
import type { WorkshopId } from "@/workshops";
import { forgetBucket } from "@/lib/workshop/remembered-bucket";
import { Link } from "@/i18n/navigation";
import { PasteForm } from "@/components/credentials/PasteForm";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { SessionStrip } from "@/components/credentials/SessionStrip";
import { useSessionState, type SignedOutReason } from "@/components/credentials/useSessionState";
import { Chip, ResourceName } from "@/components/logging/ResourceBadges";
import { Button, Spinner } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { moveFocusIfLost, useFocusAcrossSignIn } from "@/components/ui/focus";
import { teardownTextsOf, useResourceName } from "./workshop-texts";

type RowStatus = "waiting" | "removing" | "emptying" | "removed" | "gone" | "restored" | "failed";
type Row = PlannedRemoval & { status: RowStatus; deleted: number; failure?: Failure; verified?: boolean };
type Phase = "loading" | "review" | "running" | "verifying" | "finished" | "error";

/** A bucket is emptied a slice at a time; this bounds the calls for one bucket. */
const MAX_CALLS_PER_RESOURCE = 500;
const KEPT_BUCKETS_SHOWN = 8;

const sameRef = (a: ResourceRef, b: ResourceRef) => a.kind === b.kind && a.name === b.name && a.region === b.region;

/**
 * The teardown page: list what will be removed and what will not, then on confirmation
 * remove one resource per server call (so each row updates live), then re-check step 10.
 */
export function TeardownFlow({
  initialSession,
  initialSignedOut = null,
  backHref,
  workshop,
}: {
  initialSession: SessionView | null;
  initialSignedOut?: SignedOutReason;
  backHref: string;
  /** Whose clean-up this is: the room's workshop, or the one chosen for solo practice. */
  workshop: WorkshopId;
}) {
  const t = useTranslations("teardown");
  // What names this workshop's resources (the search, the warning before removing).
  const own = useTranslations(`${teardownTextsOf(workshop)}.page`);
  const tw = useTranslations("workshop");
  const ta = useTranslations("a11y");
  const [phase, setPhase] = useState<Phase>("loading");
  const [plan, setPlan] = useState<TeardownPlan | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [finalState, setFinalState] = useState<TeardownDetail | null>(null);
  const [done, setDone] = useState(false);
  const progress = useRef<HTMLParagraphElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const ran = useRef(false);

  // Credentials gone mid-way (expiry, server restart): the list stays, a dialog asks for a paste.
  const {
    session,
    setSession,
    lost,
    signedOutReason: signedOut,
    end,
    handleFailure: endSession,
    generation,
  } = useSessionState(initialSession, initialSignedOut);

  const showFailure = useCallback(
    (f: Failure) => {
      if (endSession(f)) return;
      setFailure(f);
      setPhase("error");
    },
    [endSession],
  );

  const verify = useCallback(async () => {
    const gen = generation.current;
    setPhase("verifying");
    const res = await reachServer(() => finishTeardown(workshop));
    if (gen !== generation.current) return;
    if (!res.ok) return showFailure(res);
    const detail = res.data.detail as TeardownDetail | undefined;
    setFinalState(detail ?? null);
    setDone(res.data.state === "done");
    if (res.data.failure) setFailure(res.data.failure);
    // One truthful state per row: a row whose removal failed but which is gone now (removed
    // by a run from before a reload, say) is simply gone.
    setRows((prev) =>
      prev.map((r) => {
        const verified = !(detail?.remaining ?? []).some((x) => sameRef(x, r));
        return verified && r.status === "failed" ? { ...r, status: "gone", failure: undefined, verified } : { ...r, verified };
      }),
    );
    setPhase("finished");
  }, [showFailure, workshop]);

  const load = useCallback(async () => {
    const gen = generation.current;
    setPhase("loading");
    setFailure(null);
    setFinalState(null);
    const res = await reachServer(() => planTeardown(workshop));
    if (gen !== generation.current) return;
    if (!res.ok) return showFailure(res);
    setPlan(res.data);
    setRows(res.data.remove.map((r) => ({ ...r, status: "waiting", deleted: 0 })));
    if (res.data.remove.length === 0) await verify();
    else setPhase("review");
  }, [showFailure, verify, workshop]);

  useEffect(() => {
    if (session) void load();
  }, [session?.region, session?.expiresAt]); // eslint-disable-line react-hooks/exhaustive-deps

  // Focus follows what replaced the control that had it: the banner after signing in, the
  // paste box after signing out, the progress line once removal starts, the result at the end.
  const banner = useFocusAcrossSignIn(session);
  useEffect(() => {
    if (!ran.current) return;
    if (phase === "running") moveFocusIfLost(progress.current, null);
    if (phase === "finished") moveFocusIfLost(result.current, progress.current);
  }, [phase]);

  const update = (i: number, patch: Partial<Row>) => setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const run = async () => {
    ran.current = true;
    const gen = generation.current;
    setPhase("running");
    for (let i = 0; i < rows.length; i++) {
      const ref = { kind: rows[i].kind, name: rows[i].name, region: rows[i].region };
      update(i, { status: "removing", failure: undefined });
      let deleted = 0;
      for (let call = 0; call < MAX_CALLS_PER_RESOURCE; call++) {
        const res = await reachServer(() => removeTeardownItem(workshop, ref));
        if (gen !== generation.current) return;
        if (!res.ok) {
          if (endSession(res)) return;
          update(i, { status: "failed", failure: res });
          break;
        }
        if (res.data.status === "emptying") {
          deleted += res.data.deleted;
          update(i, { status: "emptying", deleted });
          continue;
        }
        update(i, { status: res.data.status });
        // S3 keeps a deleted name unavailable for a while: step 7's form must not offer it again.
        if (ref.kind === "bucket") forgetBucket(ref.name);
        break;
      }
    }
    await verify();
  };

  if (!session) {
    return (
      <div className="space-y-4">
        <p className="text-sm font-semibold text-stone-700">{t("signInLead")}</p>
        <PasteForm onSignedIn={setSession} notice={signedOut && signedOut !== "signed-out" ? tw(`signedOut.${signedOut}`) : undefined} />
      </div>
    );
  }

  const busy = phase === "running" || phase === "verifying";
  return (
    <div className="space-y-5">
      <SessionStrip session={session} lost={lost} onChange={setSession} onSignedOut={end} focusRef={banner} />

      {phase === "loading" && (
        <p role="status" className="flex items-center gap-2 rounded-xl bg-white p-4 text-sm shadow-sm" data-testid="teardown-searching">
          <Spinner />
          {own("searching")}
        </p>
      )}

      {phase === "error" && failure && (
        <div className="space-y-3" data-focus-scope>
          <FailureMessage failure={failure} autoFocus />
          <Button variant="secondary" onClick={() => void load()}>
            {t("retry")}
          </Button>
        </div>
      )}

      {plan && phase !== "loading" && phase !== "error" && (
        <>
          <RemoveSection rows={rows} phase={phase} workshop={workshop} />
          <KeepSection keep={plan.keep} unchecked={plan.unchecked} workshop={workshop} />

          {phase === "review" && rows.length > 0 && (
            <div className="space-y-2 rounded-2xl border border-red-200 bg-red-50 p-4">
              <p className="text-sm text-red-900">{own("confirmNote")}</p>
              <Button variant="danger" onClick={() => void run()} data-testid="confirm-teardown">
                {t("confirm", { count: rows.length })}
              </Button>
            </div>
          )}

          {busy && (
            // One polite line for the whole run (the rows change silently): which resource of
            // how many, then the final check. Focus comes here when the confirm button goes.
            <p ref={progress} tabIndex={-1} role="status" className="flex items-center gap-2 text-sm font-semibold text-sky-900" data-testid="teardown-progress">
              <Spinner />
              {phase === "verifying" ? t("verifying") : ta("teardownProgress", { done: rows.filter((r) => r.status !== "waiting" && r.status !== "removing" && r.status !== "emptying").length, total: rows.length })}
            </p>
          )}

          {phase === "finished" && (
            <div ref={result} tabIndex={-1} role="status" data-testid="teardown-result" data-done={done}>
              {done ? (
                <p className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 font-semibold text-emerald-900">
                  ✓ {rows.length > 0 ? t("finished") : t("alreadyClean")}
                </p>
              ) : rows.length > 0 || (finalState?.remaining.length ?? 0) > 0 ? (
                <div className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
                  <p className="font-semibold text-amber-900">{t("incomplete")}</p>
                  {failure && <FailureMessage failure={failure} />}
                  <Button variant="secondary" onClick={() => void load()}>
                    {t("retry")}
                  </Button>
                </div>
              ) : null}
            </div>
          )}
        </>
      )}

      {busy ? (
        // Leaving now would stop the removal half-way: not a link until it is done.
        <span className="inline-flex min-h-10 items-center text-sm font-semibold text-stone-600" aria-disabled="true">
          <span aria-hidden="true">←&nbsp;</span>
          {t("back")}
        </span>
      ) : (
        <Link href={backHref} className="inline-flex min-h-10 items-center text-sm font-semibold text-sky-800 underline underline-offset-2">
          <span aria-hidden="true">←&nbsp;</span>
          {t("back")}
        </Link>
      )}
    </div>
  );
}

function RemoveSection({ rows, phase, workshop }: { rows: Row[]; phase: Phase; workshop: WorkshopId }) {
  const t = useTranslations("teardown");
  return (
    <section aria-labelledby="remove-title" className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="remove-title" className="text-lg font-bold">
        {t("removeHeading")}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700" data-testid="nothing-to-remove">
          {t("nothingToRemove")}
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-100" data-testid="teardown-remove">
          {rows.map((r) => (
            <RemoveRow key={`${r.kind}/${r.region}/${r.name}`} row={r} showStatus={phase !== "review"} workshop={workshop} />
          ))}
        </ul>
      )}
    </section>
  );
}

const STATUS_STYLE: Record<RowStatus, string> = {
  waiting: "text-stone-700",
  removing: "text-sky-900",
  emptying: "text-sky-900",
  removed: "text-emerald-800",
  gone: "text-emerald-800",
  restored: "text-emerald-800",
  failed: "text-red-800",
};

function RemoveRow({ row: r, showStatus, workshop }: { row: Row; showStatus: boolean; workshop: WorkshopId }) {
  const t = useTranslations("teardown");
  const kindName = useResourceName(workshop);
  const regionLabel = useRegionLabel();
  const facts: string[] = [];
  if (r.kind === "trail") {
    if (r.bucket) facts.push(t("writesTo", { bucket: r.bucket }));
    if (r.logging !== null && r.logging !== undefined) facts.push(r.logging ? t("trailLogging") : t("trailStopped"));
  }
  if (r.kind === "bucket" && r.objects) {
    facts.push(r.objects.capped ? t("objectsCapped", { count: r.objects.count }) : t("objects", { count: r.objects.count }));
  }
  if (r.kind === "detector" && r.enabled !== undefined) facts.push(r.enabled ? t("detectorEnabled") : t("detectorDisabled"));
  if (r.action === "disable") facts.push(t("detectorRestore"));

  return (
    <li className="py-3" data-testid="teardown-row" data-kind={r.kind} data-name={r.name} data-status={r.status} data-verified={r.verified}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-semibold">{kindName(r.kind)}</p>
          <p className="text-sm">
            <ResourceName>{r.name}</ResourceName>
          </p>
          <p className="mt-0.5 text-xs text-stone-600">{[regionLabel(r.region), ...facts].join(" · ")}</p>
        </div>
        {showStatus && (
          <p className={`flex items-center gap-1.5 text-sm font-semibold ${STATUS_STYLE[r.status]}`} data-testid="teardown-row-status">
            {(r.status === "removing" || r.status === "emptying") && <Spinner />}
            {(r.status === "removed" || r.status === "gone" || r.status === "restored") && <span aria-hidden="true">✓</span>}
            {r.status === "failed" && <span aria-hidden="true">✗</span>}
            {r.status === "emptying" ? t("status.emptying", { deleted: r.deleted }) : t(`status.${r.status}`)}
          </p>
        )}
      </div>
      {r.failure && <FailureMessage failure={r.failure} className="mt-2" />}
      {r.verified !== undefined && (
        <p className={`mt-1 text-xs font-semibold ${r.verified ? "text-emerald-800" : "text-red-800"}`} data-testid="teardown-verified">
          {r.verified ? t("verifiedGone") : t("stillThere")}
        </p>
      )}
    </li>
  );
}

function KeepSection({ keep, unchecked, workshop }: { keep: KeptResource[]; unchecked: string[]; workshop: WorkshopId }) {
  const t = useTranslations("teardown");
  const own = useTranslations(`${teardownTextsOf(workshop)}.page`);
  // A kind kept on purpose names its reason by a full message key (its workshop's text).
  const tAll = useTranslations();
  const kindName = useResourceName(workshop);
  const regionLabel = useRegionLabel();
  const buckets = keep.filter((k) => k.kind === "bucket");
  const shown = [...keep.filter((k) => k.kind !== "bucket"), ...buckets.slice(0, KEPT_BUCKETS_SHOWN)];
  const hidden = buckets.length - Math.min(buckets.length, KEPT_BUCKETS_SHOWN);
  return (
    <section aria-labelledby="keep-title" className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="keep-title" className="text-lg font-bold">
        {t("keepHeading")}
      </h2>
      <ul className="mt-3 space-y-2.5 text-sm" data-testid="teardown-keep">
        <li className="flex gap-2">
          <span aria-hidden="true" className="text-emerald-700">
            ✓
          </span>
          <span>{own("keptNote")}</span>
        </li>
        {shown.map((k) => (
          <li key={`${k.kind}/${k.region}/${k.name}`} className="flex gap-2" data-testid="kept-row" data-name={k.name}>
            <span aria-hidden="true" className="text-emerald-700">
              ✓
            </span>
            <span className="min-w-0">
              <span className="font-semibold">{kindName(k.kind)}</span> <ResourceName>{k.name}</ResourceName>{" "}
              <span className="text-stone-600">{regionLabel(k.region)}</span>{" "}
              {k.reason === "not-hajime" ? (
                <Chip>{t("reason.not-hajime")}</Chip>
              ) : k.reason === "on-purpose" ? (
                <Chip tone="emerald">{k.note ? tAll(k.note) : t("reason.on-purpose")}</Chip>
              ) : (
                <span className="mt-1 block rounded-lg border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
                  {t(`reason.${k.reason}`)}
                </span>
              )}
            </span>
          </li>
        ))}
        {hidden > 0 && <li className="pl-6 text-stone-600">{t("moreBuckets", { count: hidden })}</li>}
      </ul>
      {unchecked.length > 0 && (
        <p className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {own("unchecked", { regions: unchecked.join(", ") })}
        </p>
      )}
    </section>
  );
}
