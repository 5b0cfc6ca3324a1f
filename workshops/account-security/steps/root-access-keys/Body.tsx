"use client";

import { useTranslations } from "next-intl";
import { useStep } from "@/components/workshop/useStep";
import { ConsoleWalkthrough } from "@/components/steps/ConsoleWalkthrough";

export function RootAccessKeysBody() {
  const t = useTranslations("steps.root-access-keys");
    const { outcome, detail } = useStep("root-access-keys");
  if (outcome?.state === "done") return <p className="text-sm text-emerald-800">{t("done")}</p>;
  return (
    <div className="space-y-3">
      {detail && <p className="text-sm font-semibold text-amber-900">{t("present", { count: detail.present })}</p>}
      <ConsoleWalkthrough stepKey="root-access-keys" />
    </div>
  );
}
