"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { useRegionLabel } from "@/components/credentials/RegionName";
import { ResourceName } from "@/components/logging/ResourceBadges";
import { useResourceName } from "@/components/teardown/workshop-texts";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { useStep } from "@/components/workshop/useStep";
import { billableRange, DEFAULT_WORKSHOP_ID, stepMeta, type TeardownStepId } from "@/workshops";

/**
 * A workshop's clean-up step on the checklist (the step with the `teardown` trait): what of
 * Hajime's is left, and the way to the teardown page for the step's workshop. Its texts are
 * the step's own (`steps.<id>`: remaining, open, openAnyway, doneAll, nothingYet, turnOffAgain).
 */
export function TeardownCardBody({ id }: { id: TeardownStepId }) {
  const t = useTranslations(`steps.${id}`);
  const workshop = stepMeta(id).workshop;
  const kindName = useResourceName(workshop);
  const regionLabel = useRegionLabel();
  const { session, room } = useWorkshop();
  const { outcome, detail } = useStep(id);
  if (!session) return null;
  const href = room ? `/r/${room}/teardown` : workshop === DEFAULT_WORKSHOP_ID ? "/teardown" : `/teardown?workshop=${workshop}`;
  const linkClass = (primary: boolean) =>
    `inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-semibold ${primary ? "bg-red-700 text-white hover:bg-red-800" : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100"}`;
  const remaining = detail?.remaining;

  if (!remaining) {
    return (
      <Link href={href} className={linkClass(false)}>
        {t("openAnyway")}
      </Link>
    );
  }

  return (
    <div className="space-y-3">
      {remaining.length > 0 ? (
        <>
          <p className="text-sm font-semibold text-amber-900">{t("remaining", { count: remaining.length })}</p>
          <ul className="space-y-1 text-sm">
            {remaining.map((r) => (
              <li key={`${r.kind}/${r.region}/${r.name}`} className="flex flex-wrap gap-x-2">
                <span className="font-semibold">{kindName(r.kind)}</span>
                <ResourceName>{r.name}</ResourceName>
                <span className="text-stone-600">{regionLabel(r.region)}</span>
                {r.action === "disable" && <span className="text-stone-600">{t("turnOffAgain")}</span>}
              </li>
            ))}
          </ul>
          <Link href={href} className={linkClass(true)} data-testid="open-teardown">
            {t("open")}
          </Link>
        </>
      ) : outcome?.state === "done" ? (
        <p className="text-sm font-semibold text-emerald-800">{t("doneAll")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-700">{t("nothingYet", billableRange(workshop) ?? { from: 1, to: 1 })}</p>
          <Link href={href} className={linkClass(false)} data-testid="open-teardown">
            {t("openAnyway")}
          </Link>
        </>
      )}
    </div>
  );
}
