import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { TeardownFlow } from "@/components/teardown/TeardownFlow";
import { currentSession } from "@/lib/credentials/current";
import { sessionView } from "@/lib/credentials/sign-in";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "teardown" });
  return { title: t("title") };
}

/** Step 10: remove what Hajime made, with the signed-in session (the cookie is site-wide). */
export default async function TeardownPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ room?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("teardown");
  const { room } = await searchParams;
  // Only a room code goes into the back link: never an arbitrary URL.
  const roomCode = typeof room === "string" && /^[A-Za-z0-9-]{1,32}$/.test(room) ? room : null;
  const session = await currentSession();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl px-4 pb-24 pt-6">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 leading-relaxed text-stone-700">{t("lead")}</p>
        <div className="mt-6">
          <TeardownFlow initialSession={session ? sessionView(session) : null} backHref={roomCode ? `/r/${roomCode}` : "/solo"} />
        </div>
      </main>
    </>
  );
}
