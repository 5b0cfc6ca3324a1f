import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { Workshop } from "@/components/workshop/Workshop";
import { pageSession } from "@/lib/credentials/current";
import { DEFAULT_WORKSHOP_ID, isWorkshopId, stepsOf, workshopById } from "@/workshops";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "workshop" });
  return { title: t("soloTitle") };
}

/** Practice alone, without a room: a whole workshop (`?workshop=`, the first by default), nothing recorded on a board. */
export default async function SoloPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ workshop?: string | string[] }>;
}) {
  const { locale } = await params;
  const { workshop: asked } = await searchParams;
  const workshop = isWorkshopId(asked) ? asked : DEFAULT_WORKSHOP_ID;
  const lang = locale === "en" ? "en" : "ja";
  setRequestLocale(locale);
  const t = await getTranslations("workshop");
  const { session, ended } = await pageSession();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 pb-24 pt-6">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("soloTitle")}</h1>
        <p className="mt-2 text-lg font-semibold" data-testid="workshop-title">
          {workshopById(workshop)?.title[lang]}
        </p>
        <p className="mt-1 text-stone-600">{t("soloLead")}</p>
        <div className="mt-6">
          <Workshop initialSession={session} initialSignedOut={ended} room={null} steps={stepsOf(workshop)} />
        </div>
      </main>
    </>
  );
}
