import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { CreateRoomForm } from "@/components/rooms/CreateRoomForm";
import { JoinByCode } from "@/components/rooms/JoinByCode";
import { Link } from "@/i18n/navigation";
import { DEFAULT_WORKSHOP_ID, WORKSHOPS } from "@/workshops";

export default async function Landing({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("landing");
  const common = await getTranslations("common");
  const tw = await getTranslations("workshops");
  const lang = locale === "en" ? "en" : "ja";
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-3xl font-bold">{common("tagline")}</h1>
          <p className="mt-2 text-stone-700">{t("lead")}</p>
        </div>
        <section aria-labelledby="join-title" className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
          <h2 id="join-title" className="text-xl font-bold">
            {t("joinTitle")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("joinLead")}</p>
          <JoinByCode />
        </section>
        <section aria-labelledby="solo-title" className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
          <h2 id="solo-title" className="text-xl font-bold">
            {t("soloTitle")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("soloLead")}</p>
          <ul className="mt-4 space-y-3" data-testid="workshop-list">
            {WORKSHOPS.map((w) => (
              <li key={w.id} className="rounded-xl border border-stone-200 p-4">
                <h3 className="font-semibold">{w.title[lang]}</h3>
                <p className="mt-1 text-sm text-stone-700">{tw(`${w.id}.description`)}</p>
                <Link
                  href={w.id === DEFAULT_WORKSHOP_ID ? "/solo" : `/solo?workshop=${w.id}`}
                  aria-label={`${common("practiceAlone")}: ${w.title[lang]}`}
                  className="mt-3 inline-flex min-h-10 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold hover:bg-stone-100"
                >
                  {common("practiceAlone")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <details className="group rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
          <summary className="cursor-pointer list-none">
            <h2 className="inline text-xl font-bold">{t("createTitle")}</h2>
            <span aria-hidden="true" className="ml-2 inline-block transition-transform group-open:rotate-90">
              ›
            </span>
            <p className="mt-1 text-sm text-stone-600">{t("createLead")}</p>
          </summary>
          <CreateRoomForm />
        </details>
      </main>
    </>
  );
}
