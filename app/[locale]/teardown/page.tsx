import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TeardownScreen } from "@/components/teardown/TeardownScreen";
import { DEFAULT_WORKSHOP_ID, isWorkshopId } from "@/workshops";
import { normalizeCode } from "@/lib/rooms/model";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "teardown" });
  return { title: t("title") };
}

/** A workshop's clean-up in solo practice (`?workshop=`, the first workshop by default). A room's attendees use /r/CODE/teardown, where their room cookie reaches. */
export default async function TeardownPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ room?: string | string[]; workshop?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { room, workshop } = await searchParams;
  const code = typeof room === "string" ? normalizeCode(room) : null;
  if (code) redirect(`/${locale}/r/${code}/teardown`);
  const chosen = isWorkshopId(workshop) ? workshop : DEFAULT_WORKSHOP_ID;
  return <TeardownScreen backHref={chosen === DEFAULT_WORKSHOP_ID ? "/solo" : `/solo?workshop=${chosen}`} workshop={chosen} />;
}
