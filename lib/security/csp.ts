/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce
 * (Next adds it to its own) or when loaded by such a script ('strict-dynamic'); no eval in
 * production; nothing may frame the pages (a paste box in a frame is a phishing kit).
 * Styles allow inline attributes: React's `style` props need them and carry no script.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join("; ");
}

