"use client";

import { useLocale } from "next-intl";
import { usePathname as useNextPathname, useRouter as useNextRouter } from "next/navigation";
import { useMemo, type AnchorHTMLAttributes, type MouseEvent } from "react";
import { locales, type Locale } from "./routing";

/**
 * Links, router and pathname with the language in the address (every URL starts with
 * /ja or /en: `localePrefix: "always"`, no locale cookie; see routing.ts), in a few lines.
 * next-intl's createNavigation and next/link together ship ~5 KB gz to every page (pathname
 * tables, cookie syncing, URL objects, prefetching) that these links never use
 * (bench/bundle/README.md).
 */

const LOCALE_PREFIX = new RegExp(`^/(${locales.join("|")})(?=/|$)`);

/** "/solo" in English → "/en/solo"; "/" → "/en". */
export function localizedHref(href: string, locale: string): string {
  return `/${locale}${href === "/" ? "" : href}`;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** A path without the language: "/", "/solo", "/r/ABCDEF". */
  href: string;
  /** Another language for the same page (the language switcher). */
  locale?: Locale;
};

/**
 * An <a> to a page of this app. A plain left click navigates in the page (Next's router, as
 * next/link does: layouts kept, scroll to the top); a click with a modifier, a middle click
 * or a link with a target is the browser's (new tab or window). No prefetching: every page
 * is rendered per request, so a prefetch would fetch nothing the click can reuse.
 */
export function Link({ href, locale, onClick, ...rest }: LinkProps) {
  const router = useNextRouter();
  const current = useLocale();
  const url = localizedHref(href, locale ?? current);
  const navigate = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if ((rest.target && rest.target !== "_self") || rest.download !== undefined) return;
    e.preventDefault();
    router.push(url);
  };
  return <a {...rest} href={url} hrefLang={locale && locale !== current ? locale : rest.hrefLang} onClick={navigate} />;
}

/** Next's router, taking paths without the language. */
export function useRouter() {
  const router = useNextRouter();
  const locale = useLocale();
  return useMemo(
    () => ({
      ...router,
      push: (href: string, options?: Parameters<typeof router.push>[1]) => router.push(localizedHref(href, locale), options),
      replace: (href: string, options?: Parameters<typeof router.replace>[1]) => router.replace(localizedHref(href, locale), options),
    }),
    [router, locale],
  );
}

/** The current path without its language: "/ja/r/ABCDEF" → "/r/ABCDEF", "/ja" → "/". */
export function usePathname(): string {
  return useNextPathname().replace(LOCALE_PREFIX, "") || "/";
}
