import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { ManualTeardown } from "@/components/teardown/ManualTeardown";
import { TeardownFlow } from "@/components/teardown/TeardownFlow";
import { teardownTextsOf } from "@/components/teardown/workshop-texts";
import type { WorkshopId } from "@/workshops";
import { pageSession } from "@/lib/credentials/current";

/** The teardown page's content, solo or in a room (the credentials cookie is site-wide). */
export async function TeardownScreen({ backHref, workshop }: { backHref: string; workshop: WorkshopId }) {
  const t = await getTranslations("teardown");
  const own = await getTranslations(teardownTextsOf(workshop));
  const { session, ended } = await pageSession();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 pb-24 pt-6">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 leading-relaxed text-stone-700">{own("page.lead")}</p>
        <div className="mt-6">
          <TeardownFlow initialSession={session} initialSignedOut={ended} backHref={backHref} workshop={workshop} />
        </div>
        <div className="mt-8">
          <ManualTeardown workshop={workshop} />
        </div>
      </main>
    </>
  );
}
