import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";

/**
 * Addresses no page answers (/ja/nothing, /nope.txt) end here. The language is the address's
 * when it has one (proxy.ts's next-intl middleware says which), Japanese otherwise.
 */
export default async function GlobalNotFound() {
  const locale = (await headers()).get("x-next-intl-locale") === "en" ? "en" : "ja";
  const t = await getTranslations({ locale, namespace: "a11y" });
  const common = await getTranslations({ locale, namespace: "common" });
  const join = await getTranslations({ locale, namespace: "join" });
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <title>{`${t("notFoundTitle")} | ${common("appName")}`}</title>
        <main id="main" className="mx-auto max-w-xl px-4 py-12" data-testid="not-found">
          <p className="text-xl font-bold text-brand-700">{common("appName")}</p>
          <h1 className="mt-4 text-2xl font-bold">{t("notFoundTitle")}</h1>
          <p className="mt-3 text-stone-700">{t("notFoundBody")}</p>
          <a
            href={`/${locale}`}
            className="mt-6 inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {join("backHome")}
          </a>
        </main>
      </body>
    </html>
  );
}
