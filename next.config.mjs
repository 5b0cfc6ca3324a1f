import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // Messages are compiled at build time (messages/**/*.json become ICU-free structures), so
  // no ICU parser ships to the browser (~10 KB gz on every page; bench/bundle/README.md).
  experimental: { messages: { path: ["./messages", "./workshops"], format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so a running `npm start` is never disturbed.
  distDir: process.env.HAJIME_DIST_DIR || ".next",
  poweredByHeader: false,
  // One copy of each, loaded by Node, shared by every bundle (route handlers and server
  // actions are bundled apart): the limiters' state lives on globalThis.
  serverExternalPackages: ["better-sqlite3", "rate-limiter-flexible"],
  // Server actions take small forms (a paste is at most 16,000 characters); a larger body is
  // refused before it is parsed, so a flood of big posts cannot fill the heap.
  experimental: {
    serverActions: { bodySizeLimit: "128kb" },
    // Turbopack's default (50 KB minimum chunk, a request "costing" 200 KB of source) merges
    // small chunks per page, copying shared code (next/link, next-intl's navigation) into
    // several chunks one page loads. Smaller chunks shared between pages: 4–9 KB gz less JS
    // on each localized page, 4–7 more requests (bench/bundle/README.md).
    turbopackChunking: { minChunkSize: 10_000, requestCost: 40_000 },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // Pages get theirs from proxy.ts (with a nonce); API answers are data, never documents.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
