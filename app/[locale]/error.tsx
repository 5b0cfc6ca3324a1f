"use client";

import { useTranslations } from "next-intl";
import { SiteHeaderView } from "@/components/layout/SiteHeaderView";
import { Link } from "@/i18n/navigation";

/**
 * Whatever a page throws while rendering ends here, in the page's language, instead of
 * Next's bare error screen. Credentials are in the server's memory, not in this page, so a
 * retry or a reload loses nothing but what was typed into this page.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const tc = useTranslations("common");
  const ta = useTranslations("a11y");
  return (
    <>
      {/* Not SiteHeader: this page renders in the browser, where next-intl's server functions do not run. */}
      <SiteHeaderView texts={{ appName: tc("appName"), tagline: tc("tagline"), skipToContent: ta("skipToContent") }} />
      <main id="main" className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="alert" className="mt-3 rounded-xl border border-red-200 bg-red-50 p-4 text-red-900" data-testid="error-page">
          {t("body")}
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {/* Button's primary look, without importing it: Turbopack would copy Button into this boundary's chunk as well as the page's. */}
          <button
            type="button"
            onClick={() => reset()}
            className="inline-flex min-h-10 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white transition-colors hover:bg-brand-800"
          >
            {t("retry")}
          </button>
          <Link href="/" className="inline-flex min-h-10 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold hover:bg-stone-100">
            {t("home")}
          </Link>
        </div>
      </main>
    </>
  );
}
