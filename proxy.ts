import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { contentSecurityPolicy } from "./lib/security/csp";

const intl = createMiddleware(routing);

/**
 * Chooses the language (next-intl) and sets a Content-Security-Policy with a fresh nonce
 * on every page. Next reads the nonce from the request's CSP header and puts it on its own
 * inline scripts. No authorization depends on this file: actions and routes check their own
 * cookies.
 */
export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  // next-intl forwards the request's headers to the page; the nonce travels with them.
  request.headers.set("content-security-policy", csp);
  const response = intl(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
