import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { Link } from "@/i18n/navigation";

export default async function RoomNotFound() {
  const t = await getTranslations("errors");
  const tj = await getTranslations("join");
  const ta = await getTranslations("a11y");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-2xl font-bold">{ta("roomNotFoundTitle")}</h1>
        <p role="alert" className="mt-3 rounded-xl border border-red-200 bg-red-50 p-4 text-red-900" data-testid="room-not-found">
          {t("room-not-found")}
        </p>
        <Link href="/" className="mt-6 inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
          {tj("backHome")}
        </Link>
      </main>
    </>
  );
}
