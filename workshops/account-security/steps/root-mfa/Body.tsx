"use client";

import { useTranslations } from "next-intl";
import { useStep } from "@/components/workshop/useStep";
import { ConsoleWalkthrough } from "@/components/steps/ConsoleWalkthrough";

export function RootMfaBody() {
  const t = useTranslations("steps.root-mfa");
    const { outcome, detail } = useStep("root-mfa");
  if (outcome?.state === "done" && detail?.rootCredentials === "none" && !detail.enabled) {
    return (
      <p className="text-sm text-emerald-800" data-testid="root-mfa-none">
        {t("noRootCredentials")}
      </p>
    );
  }
  if (outcome?.state === "done") return <p className="text-sm text-emerald-800">{t("done")}</p>;
  return <ConsoleWalkthrough stepKey="root-mfa" />;
}
