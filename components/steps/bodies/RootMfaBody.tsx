"use client";

import { useTranslations } from "next-intl";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { ConsoleWalkthrough } from "./ConsoleWalkthrough";

export function RootMfaBody() {
  const t = useTranslations("steps.root-mfa");
  const { outcomes } = useWorkshop();
  if (outcomes["root-mfa"]?.state === "done") return <p className="text-sm text-emerald-800">{t("done")}</p>;
  return <ConsoleWalkthrough stepKey="root-mfa" />;
}
