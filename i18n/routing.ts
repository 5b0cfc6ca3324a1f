import { defineRouting } from "next-intl/routing";

export const locales = ["ja", "en"] as const;
export type Locale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: "ja",
  localePrefix: "always",
  // No locale cookie: every URL names its language, and a cookie set by the middleware
  // could not follow the one Secure rule the app's own cookies follow.
  localeCookie: false,
});
