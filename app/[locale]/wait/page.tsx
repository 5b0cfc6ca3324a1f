import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { Link } from "@/i18n/navigation";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "wait" });
  return { title: t("title"), robots: { index: false } };
}

/** Where a room page sends a client that tried too many unknown codes (lib/rooms/lookup.ts). */
export default async function WaitPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ seconds?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("wait");
  const raw = Number((await searchParams).seconds);
  const seconds = Number.isInteger(raw) && raw > 0 && raw <= 3600 ? raw : 60;
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="alert" className="mt-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="wait-page">
          {t("body", { seconds })}
        </p>
        <Link href="/" className="mt-6 inline-flex min-h-10 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold hover:bg-stone-100">
          {t("backHome")}
        </Link>
      </main>
    </>
  );
}
