import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { LocaleSwitcher } from "./LocaleSwitcher";

export type SiteHeaderTexts = { appName: string; tagline: string; skipToContent: string };

/**
 * The header itself, given its texts: rendered by the server (SiteHeader) on every page, and
 * in the browser by the error page, which cannot use next-intl's server functions.
 */
export function SiteHeaderView({ texts, children }: { texts: SiteHeaderTexts; children?: ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      {/* Every page's <main id="main">: the first Tab offers to jump past the header. */}
      <a
        href="#main"
        className="sr-only rounded-lg bg-white px-4 py-2 font-semibold text-brand-800 underline focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:inline-block"
      >
        {texts.skipToContent}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex min-h-10 items-baseline gap-2 py-2">
          <span className="text-xl font-bold text-brand-700">{texts.appName}</span>
          <span className="hidden text-sm text-stone-600 sm:inline">{texts.tagline}</span>
        </Link>
        <div className="flex items-center gap-3">
          {children}
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
