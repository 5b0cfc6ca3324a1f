"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { HIGHLIGHTED_FINDING_TYPE, severityLevel, type FindingView, type SeverityLevel } from "@/lib/workshop/findings";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { Chip, ResourceName } from "./ResourceBadges";
import { SeverityBadge } from "./SeverityBadge";

const LEVELS: SeverityLevel[] = ["critical", "high", "medium", "low"];

/** GuardDuty findings, most severe first; each row opens to its description and facts. */
export function FindingsList({ findings }: { findings: FindingView[] }) {
  const t = useTranslations("steps.sample-findings");
  const counts = LEVELS.map((level) => ({ level, count: findings.filter((f) => severityLevel(f.severity) === level).length }));
  return (
    <section aria-label={t("listLabel")} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-bold" data-fix-result="success" tabIndex={-1}>
          {t("count", { count: findings.length })}
        </h4>
        <p className="flex flex-wrap gap-1.5 text-xs">
          {counts
            .filter((c) => c.count > 0)
            .map((c) => (
              <span key={c.level} className="rounded-full bg-stone-100 px-2 py-0.5 font-semibold text-stone-700">
                {t(`severity.${c.level}`)} {c.count}
              </span>
            ))}
        </p>
      </div>
      <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200" data-testid="findings-list">
        {findings.map((f) => (
          <FindingRow key={f.id} finding={f} />
        ))}
      </ul>
    </section>
  );
}

function FindingRow({ finding: f }: { finding: FindingView }) {
  const t = useTranslations("steps.sample-findings");
  const format = useFormatter();
  const regionLabel = useRegionLabel();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const highlighted = f.type === HIGHLIGHTED_FINDING_TYPE;
  const timeZone = useBrowserTimeZone();
  // GuardDuty writes titles, descriptions and countries in English, whatever the page's language.
  const awsLang = useLocale() === "en" ? undefined : "en";
  // In the attendee's own time zone, named ("JST", "GMT+1"…): the server's zone is not theirs.
  const when = (iso?: string) =>
    iso
      ? format.dateTime(new Date(iso), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" })
      : "—";
  const resourceType = t.has(`resourceTypes.${f.resource.type}`) ? t(`resourceTypes.${f.resource.type}`) : f.resource.type;

  return (
    <li data-testid="finding" data-type={f.type} className={`border-l-4 ${highlighted ? "border-l-brand-500 bg-brand-50/40" : "border-l-transparent"}`}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((v) => !v)}
        // Phone: severity and "sample" on one line, the title below at full width.
        // Wider: severity | title | sample, side by side.
        // The list clips its corners: the focus ring goes inside the row, where it shows whole.
        className="grid w-full grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1.5 px-3 py-3 text-left hover:bg-stone-50 focus-visible:outline-offset-[-3px] sm:grid-cols-[auto_1fr_auto]"
      >
        <SeverityBadge score={f.severity} className="col-start-1 row-start-1 sm:mt-0.5" />
        <span className="col-span-2 row-start-2 min-w-0 sm:col-span-1 sm:col-start-2 sm:row-start-1">
          <span className="block text-sm font-semibold leading-snug" lang={awsLang}>
            {f.title}
          </span>
          <span className="mt-0.5 block break-all font-mono text-xs text-stone-600" translate="no">
            {f.type}
          </span>
          <span className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-stone-600">
            <span>
              {resourceType}
              {f.resource.id && (
                <>
                  {" "}
                  <ResourceName>{f.resource.id}</ResourceName>
                </>
              )}
            </span>
            <span>{regionLabel(f.region)}</span>
            <time dateTime={f.updatedAt}>{when(f.updatedAt)}</time>
          </span>
        </span>
        <span className="col-start-2 row-start-1 flex items-center justify-end gap-2 sm:col-start-3 sm:flex-col sm:items-end sm:gap-1">
          <Chip>{t("sample")}</Chip>
          <span aria-hidden="true" className={`text-stone-600 transition-transform ${open ? "rotate-180" : ""}`}>
            ▾
          </span>
          <span className="sr-only">{t("showDetail")}</span>
        </span>
      </button>
      {open && (
        <div id={panel} role="region" aria-label={t("detailLabel")} className="space-y-3 border-t border-stone-100 bg-stone-50 px-3 py-3 text-sm" data-testid="finding-detail">
          <p className="leading-relaxed" lang={awsLang}>
            {f.description}
          </p>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1.5 text-xs sm:grid-cols-[auto_1fr]">
            <Field label={t("fields.type")}>
              <span className="break-all font-mono">{f.type}</span>
            </Field>
            <Field label={t("fields.severity")}>
              {t("severityValue", { level: t(`severity.${severityLevel(f.severity)}`), score: f.severity.toFixed(1) })}
            </Field>
            <Field label={t("fields.resource")}>
              {resourceType}
              {f.resource.id && (
                <>
                  {" "}
                  <ResourceName>{f.resource.id}</ResourceName>
                </>
              )}
              {f.resource.extra && <span className="text-stone-600"> ({f.resource.extra})</span>}
            </Field>
            {f.action && (
              <Field label={t("fields.action")}>
                {t.has(`actionTypes.${f.action.type}`) ? t(`actionTypes.${f.action.type}`) : f.action.type}
                {f.action.target && (
                  <>
                    {": "}
                    <ResourceName>{f.action.target}</ResourceName>
                  </>
                )}
                {f.action.country && (
                  <span className="text-stone-600" lang={awsLang}>
                    {" "}
                    ({f.action.country})
                  </span>
                )}
              </Field>
            )}
            <Field label={t("fields.region")}>{regionLabel(f.region)}</Field>
            <Field label={t("fields.count")}>{t("countValue", { count: f.count })}</Field>
            <Field label={t("fields.firstSeen")}>{when(f.firstSeen)}</Field>
            <Field label={t("fields.lastSeen")}>{when(f.lastSeen)}</Field>
            <Field label={t("fields.updatedAt")}>{when(f.updatedAt)}</Field>
            <Field label={t("fields.id")}>
              <span className="break-all font-mono">{f.id}</span>
            </Field>
          </dl>
        </div>
      )}
    </li>
  );
}

/** The browser's time zone, once mounted (the server renders in its own, also labelled). */
function useBrowserTimeZone(): string | undefined {
  const [zone, setZone] = useState<string | undefined>(undefined);
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, []);
  return zone;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-semibold text-stone-600">{label}</dt>
      <dd className="mb-1 sm:mb-0">{children}</dd>
    </>
  );
}
