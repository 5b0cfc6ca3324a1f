import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { Link } from "@/i18n/navigation";

export default async function RoomNotFound() {
  const t = await getTranslations("errors");
  const tj = await getTranslations("join");
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-xl px-4 py-12">
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900" data-testid="room-not-found">
          {t("room-not-found")}
        </p>
        <Link href="/" className="mt-6 inline-flex min-h-10 items-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
          {tj("backHome")}
        </Link>
      </main>
    </>
  );
}
