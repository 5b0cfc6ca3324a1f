"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { CloudTrailDetail, CloudTrailFixReport, TrailView } from "./server";
import { rememberBucket, rememberedBucket } from "@/lib/workshop/remembered-bucket";
import { bucketNameProblem, DEFAULT_TRAIL_NAME, suggestBucketName, trailNameProblem } from "@/lib/workshop/trail-names";
import { recordsEveryRegion } from "@/lib/workshop/trail-verdict";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { Chip, ResourceName } from "@/components/logging/ResourceBadges";
import { Button, Spinner } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";

type StageState = "waiting" | "running" | "done" | "failed";
type Stages = { bucket: StageState; trail: StageState };

export function CloudTrailBody() {
  const t = useTranslations("steps.cloudtrail");
  const { session } = useWorkshop();
  const { outcome, detail } = useStep("cloudtrail");
  if (!detail) return null;
  const done = outcome?.state === "done";
  const recordedBy = detail.recordedBy;
  // What keeps each all-region trail from counting (Hajime's own: the form below sets it right).
  const gaps = done ? [] : detail.trails.filter((tr) => tr.multiRegion && !tr.hajime).flatMap(trailGaps);

  return (
    <div className="space-y-4">
      <TrailList trails={detail.trails} />
      {done && recordedBy && (
        <p className="text-sm font-semibold text-emerald-800" data-testid="cloudtrail-done" data-fix-result="success" tabIndex={-1}>
          {recordedBy.kind === "organization" && !detail.trails.some((tr) => tr.name === recordedBy.trail && tr.logging === true)
            ? t("doneOrganization", { trail: recordedBy.trail })
            : t("done", { trail: recordedBy.trail })}
        </p>
      )}
      {gaps.length > 0 && (
        <div className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="cloudtrail-gaps">
          {gaps.map((g) => (
            <p key={`${g.trail}/${g.key}`}>{g.key === "stoppedTheirs" ? t("stoppedTheirs", g) : t(`gaps.${g.key}`, g)}</p>
          ))}
          <p className="text-xs">{t("gapsRule")}</p>
        </div>
      )}
      {session && !done && <TrailForm detail={detail} region={session.region} />}
    </div>
  );
}

type Gap = { trail: string; key: "stoppedTheirs" | "writeOnly" | "readOnly" | "none" | "excluded" | "only" | "unreadable"; sources: string };

/** Why a multi-region trail does not count (Security Hub CloudTrail.1), in the card's words. */
function trailGaps(tr: TrailView): Gap[] {
  const gap = (key: Gap["key"], sources: string[] = []): Gap => ({ trail: tr.name, key, sources: sources.join(", ") });
  const out: Gap[] = [];
  if (tr.logging === false) out.push(gap("stoppedTheirs"));
  const m = tr.management;
  if (!m) {
    if (!tr.fromOrganization) out.push(gap("unreadable"));
    return out;
  }
  if (!m.read && !m.write) out.push(gap("none"));
  else if (!m.read) out.push(gap("writeOnly"));
  else if (!m.write) out.push(gap("readOnly"));
  if (m.excludedSources.length > 0) out.push(gap("excluded", m.excludedSources));
  if (m.onlySources.length > 0) out.push(gap("only", m.onlySources));
  return out;
}

function TrailList({ trails }: { trails: TrailView[] }) {
  const t = useTranslations("steps.cloudtrail");
  const regionLabel = useRegionLabel();
  return (
    <section aria-label={t("trailsHeading")}>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-600">{t("trailsHeading")}</h4>
      {trails.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">{t("noTrails")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100 rounded-xl border border-stone-200">
          {trails.map((tr) => (
            <li key={`${tr.homeRegion}/${tr.name}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <ResourceName>{tr.name}</ResourceName>
              <Chip tone={tr.multiRegion ? "sky" : "stone"}>
                {tr.multiRegion ? t("allRegions") : t("oneRegion", { region: regionLabel(tr.homeRegion) })}
              </Chip>
              <Chip tone={tr.logging ? "emerald" : tr.logging === false ? "amber" : "stone"}>
                {tr.logging ? t("logging") : tr.logging === false ? t("stopped") : t("loggingUnknown")}
              </Chip>
              {tr.organization && <Chip>{t("organization")}</Chip>}
              {tr.hajime && <Chip tone="rose">{t("madeByHajime")}</Chip>}
              {tr.bucket && (
                <span className="basis-full text-xs text-stone-600">
                  {t("savesTo", { bucket: tr.bucket })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TrailForm({ detail, region }: { detail: CloudTrailDetail; region: string }) {
  const t = useTranslations("steps.cloudtrail");
  const regionLabel = useRegionLabel();
  const fix = useFix("cloudtrail");
  const ids = { bucket: useId(), trail: useId(), bucketNote: useId(), trailNote: useId() };
  // A Hajime trail that does not count (stopped, or its selectors narrowed): offer its names,
  // so the fix sets that trail right rather than making another.
  const stoppedOwn = detail.trails.find((tr) => tr.hajime && tr.multiRegion && !recordsEveryRegion(tr));
  const [bucket, setBucket] = useState(stoppedOwn?.bucket ?? "");
  const [trail, setTrail] = useState(stoppedOwn?.name ?? DEFAULT_TRAIL_NAME);
  const [stages, setStages] = useState<Stages | null>(null);
  const [reports, setReports] = useState<{ bucket?: CloudTrailFixReport["bucket"]; trail?: CloudTrailFixReport["trail"] }>({});
  const [acknowledged, setAcknowledged] = useState(false);

  useEffect(() => {
    if (bucket) return;
    const stored = rememberedBucket();
    const name = stored && !bucketNameProblem(stored) ? stored : suggestBucketName();
    rememberBucket(name);
    setBucket(name);
  }, [bucket]);

  useEffect(() => {
    const r = fix.result;
    if (!r) return;
    setReports((prev) => (r.trail ? { ...prev, trail: r.trail } : { bucket: r.bucket }));
  }, [fix.result]);

  const bucketProblem = bucket ? bucketNameProblem(bucket) : null;
  const trailProblem = trailNameProblem(trail);
  const running = stages !== null && (stages.bucket === "running" || stages.trail === "running");
  const bucketRefused =
    fix.failure && ["bucket-name-taken", "bucket-exists-yours", "bucket-name-invalid", "bucket-name-recently-deleted"].includes(fix.failure.code);
  const trailRefused = fix.failure && ["trail-name-taken", "trail-name-invalid", "trail-name-in-use"].includes(fix.failure.code);
  // Trails other than the Hajime trail this form would restart: a new trail beside them is charged.
  const otherTrails = detail.trails.filter((tr) => !(stoppedOwn && tr === stoppedOwn && trail === stoppedOwn.name)).length;
  const needsAck = otherTrails > 0 || fix.failure?.code === "extra-trail-unconfirmed";
  const ackId = useId();

  const submit = async () => {
    if (bucketProblem || trailProblem || !bucket || (needsAck && !acknowledged)) return;
    const input = { bucketName: bucket, trailName: trail, acknowledgeCost: acknowledged };
    setStages({ bucket: "running", trail: "waiting" });
    if (!(await fix.run({ ...input, stage: "bucket" }))) {
      setStages({ bucket: "failed", trail: "waiting" });
      return;
    }
    setStages({ bucket: "done", trail: "running" });
    const ok = await fix.run({ ...input, stage: "trail" });
    // What step 10 would remove comes back re-checked with each stage's success (`affects`).
    setStages({ bucket: "done", trail: ok ? "done" : "failed" });
  };

  const newName = () => {
    const name = suggestBucketName();
    rememberBucket(name);
    setBucket(name);
    fix.clearFailure();
  };

  return (
    <form
      className="space-y-4 rounded-xl bg-brand-50 p-4"
      aria-labelledby="cloudtrail-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div>
        <h4 id="cloudtrail-form-title" className="font-bold">
          {t("formTitle")}
        </h4>
        <p className="mt-1 text-sm leading-relaxed text-stone-700">{t("formLead")}</p>
      </div>

      <div>
        <label htmlFor={ids.bucket} className="block text-sm font-semibold">
          {t("bucketName")}
        </label>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id={ids.bucket}
            name="bucketName"
            value={bucket}
            onChange={(e) => setBucket(e.target.value.trim())}
            disabled={running}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={63}
            aria-invalid={Boolean(bucketProblem || bucketRefused) || undefined}
            aria-describedby={ids.bucketNote}
            className={`min-h-10 min-w-0 flex-1 basis-64 rounded-lg border bg-white px-3 font-mono text-sm ${bucketProblem || bucketRefused ? "border-red-500" : "border-stone-500"}`}
          />
          <Button type="button" variant="secondary" onClick={newName} disabled={running}>
            {t("regenerate")}
          </Button>
        </div>
        <p id={ids.bucketNote} className={`mt-1 text-xs ${bucketProblem ? "font-semibold text-red-800" : "text-stone-600"}`}>
          {bucketProblem ? t(`bucketProblems.${bucketProblem}`) : t("bucketHelp")}
        </p>
      </div>

      <div>
        <label htmlFor={ids.trail} className="block text-sm font-semibold">
          {t("trailName")}
        </label>
        <input
          id={ids.trail}
          name="trailName"
          value={trail}
          onChange={(e) => setTrail(e.target.value.trim())}
          disabled={running}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={128}
          aria-invalid={Boolean(trailProblem || trailRefused) || undefined}
          aria-describedby={ids.trailNote}
          className={`mt-1 min-h-10 w-full rounded-lg border bg-white px-3 font-mono text-sm ${trailProblem || trailRefused ? "border-red-500" : "border-stone-500"}`}
        />
        <p id={ids.trailNote} className={`mt-1 text-xs ${trailProblem ? "font-semibold text-red-800" : "text-stone-600"}`}>
          {trailProblem ? t(`trailProblems.${trailProblem}`) : t("trailHelp")}
        </p>
      </div>

      <p className="text-xs text-stone-600">{t("regionNote", { region: regionLabel(region) })}</p>

      {needsAck && (
        <div className="space-y-2 rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-950" data-testid="cloudtrail-cost">
          <p>{t("costWarning", { count: otherTrails })}</p>
          <label htmlFor={ackId} className="flex items-start gap-2 font-semibold">
            <input id={ackId} type="checkbox" className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} disabled={running} />
            <span>{t("acknowledgeCost")}</span>
          </label>
        </div>
      )}

      <Button type="submit" busy={running} disabled={Boolean(bucketProblem || trailProblem || !bucket || (needsAck && !acknowledged))}>
        {t("submit")}
      </Button>

      {stages && <StageList stages={stages} />}
      {reports.bucket && (
        <p className="text-xs text-stone-700">
          {reports.bucket.created
            ? t("bucketCreated", { bucket: reports.bucket.name, region: regionLabel(reports.bucket.region) })
            : t("bucketReused", { bucket: reports.bucket.name })}
        </p>
      )}
      {reports.trail && (
        <p className="text-xs text-stone-700">
          {reports.trail.created ? t("trailCreated", { trail: reports.trail.name }) : t("trailReused", { trail: reports.trail.name })}
        </p>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} />}
    </form>
  );
}

const STAGE_ICON: Record<StageState, string> = { waiting: "○", running: "", done: "✓", failed: "✗" };
const STAGE_STYLE: Record<StageState, string> = {
  waiting: "text-stone-600",
  running: "text-sky-900 font-semibold",
  done: "text-emerald-800",
  failed: "text-red-800 font-semibold",
};

function StageList({ stages }: { stages: Stages }) {
  const t = useTranslations("steps.cloudtrail");
  return (
    <ol aria-label={t("progressLabel")} aria-live="polite" className="space-y-1.5" data-testid="cloudtrail-stages">
      {(["bucket", "trail"] as const).map((key) => {
        const state = stages[key];
        return (
          <li key={key} data-stage={key} data-state={state} className={`flex items-start gap-2 text-sm ${STAGE_STYLE[state]}`}>
            <span aria-hidden="true" className="mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center">
              {state === "running" ? <Spinner className="h-4 w-4" /> : STAGE_ICON[state]}
            </span>
            <span>
              {t(`stages.${key}`)}
              <span className="sr-only"> ({t(`stageState.${state}`)})</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
