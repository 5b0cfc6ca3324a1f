"use client";

import { useTranslations } from "next-intl";
import type { RootAccessKeysDetail } from "./server";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { ConsoleWalkthrough } from "@/components/steps/ConsoleWalkthrough";

export function RootAccessKeysBody() {
  const t = useTranslations("steps.root-access-keys");
  const { outcomes } = useWorkshop();
  const outcome = outcomes["root-access-keys"];
  const detail = outcome?.detail as RootAccessKeysDetail | undefined;
  if (outcome?.state === "done") return <p className="text-sm text-emerald-800">{t("done")}</p>;
  return (
    <div className="space-y-3">
      {detail && <p className="text-sm font-semibold text-amber-900">{t("present", { count: detail.present })}</p>}
      <ConsoleWalkthrough stepKey="root-access-keys" />
    </div>
  );
}
