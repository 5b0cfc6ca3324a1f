/**
 * bench/bundle: the JavaScript each page makes the browser download, gzipped, per route,
 * read from a production build. Exits 1 when a budgeted page is over budget.
 *
 *   npm run bench:bundle -- [--dist .next-test] [--budget 150] [--files]
 *
 * Which files a page loads, from the build's own manifests (what Next itself uses to write
 * a page's <script src> tags):
 *   - build-manifest.json `rootMainFiles`: the runtime, React and the router, on every page;
 *   - server/app/<route>/page_client-reference-manifest.js `entryJSFiles`: the client chunks
 *     of every segment the route renders (root and [locale] layouts, error and global-error
 *     boundaries, the page).
 * On this build that is exactly the set of `<script src>` in the served HTML (checked with
 * `next start` on /ja, /ja/solo, /ja/wait; see README.md). `polyfillFiles` are `nomodule`
 * scripts that browsers with ES modules skip, so they are listed but not counted. The RSC
 * payload and messages inlined in the HTML are not files and are not counted here.
 * A chunk is counted once per page even when several segments share it; each file is
 * gzipped on its own at zlib's default level (what the server sends).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const root = new URL("../..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const DIST = join(root, option("dist", ".next-test"));
const BUDGET_KB = Number(option("budget", "150"));
const LIST_FILES = argv.includes("--files");

/**
 * The pages attendees (and organizers, on the same Wi-Fi) open, with an example URL each.
 * Every page route of the build is measured; these must be under budget. A page route
 * not listed here is budgeted too (a new page is attendee-facing until someone says why not).
 */
const PAGES: Record<string, string> = {
  "/[locale]": "/ja, /en (landing: join by code, create a room)",
  "/[locale]/solo": "/ja/solo (the checklist without a room)",
  "/[locale]/r/[room]": "/ja/r/CODE (join form; the attendee's checklist once joined)",
  "/[locale]/r/[room]/teardown": "/ja/r/CODE/teardown",
  "/[locale]/teardown": "/ja/teardown",
  "/[locale]/r/[room]/board": "/ja/r/CODE/board",
  "/[locale]/r/[room]/organize": "/ja/r/CODE/organize",
  "/[locale]/wait": "/ja/wait",
  "/_not-found": "any unknown URL",
};
/** Routes that are not pages anyone opens: the global error boundary is in every page's set. */
const NOT_PAGES = new Set(["/_global-error"]);

type Manifest = { entryJSFiles?: Record<string, string[]> };

function fail(message: string): never {
  console.error(`bench:bundle: ${message}`);
  process.exit(2);
}

if (!existsSync(join(DIST, "BUILD_ID"))) {
  fail(`no production build in ${DIST}. Build one first: HAJIME_DIST_DIR=.next-test npx next build`);
}

const buildManifest = JSON.parse(readFileSync(join(DIST, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
  polyfillFiles: string[];
};
const appPaths = JSON.parse(readFileSync(join(DIST, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;

const gzCache = new Map<string, number>();
function gzipped(file: string): number {
  let size = gzCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(DIST, file))).length;
    gzCache.set(file, size);
  }
  return size;
}

function clientManifest(route: string): Manifest {
  const path = join(DIST, "server", "app", `${route}_client-reference-manifest.js`);
  if (!existsSync(path)) fail(`missing ${path}`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, Manifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(path, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[route];
  if (!manifest) fail(`${path} has no entry for ${route}`);
  return manifest;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const shared = new Set(buildManifest.rootMainFiles.filter((f) => f.endsWith(".js")));
const sharedGz = [...shared].reduce((sum, f) => sum + gzipped(f), 0);

type Row = { route: string; files: string[]; total: number; own: number; budgeted: boolean };
const rows: Row[] = [];
for (const key of Object.keys(appPaths).sort()) {
  if (!key.endsWith("/page")) continue; // route handlers (/api/...) ship no JS
  const route = key.slice(0, -"/page".length) || "/";
  if (NOT_PAGES.has(route)) continue;
  const files = new Set(shared);
  for (const chunks of Object.values(clientManifest(key).entryJSFiles ?? {})) {
    for (const f of chunks) if (f.endsWith(".js")) files.add(f);
  }
  const list = [...files];
  const total = list.reduce((sum, f) => sum + gzipped(f), 0);
  rows.push({ route, files: list, total, own: total - sharedGz, budgeted: true });
}
for (const route of Object.keys(PAGES)) {
  if (!rows.some((r) => r.route === route)) fail(`the build has no page ${route}: update PAGES in bench/bundle/run.ts`);
}

console.log(`bench:bundle  ${DIST.replace(root, "")}  budget ${BUDGET_KB} KB gz per page`);
console.log(`shared by every page (runtime, React, router): ${kb(sharedGz)} KB gz in ${shared.size} files`);
console.log(`not counted (nomodule polyfills, skipped by modern browsers): ${buildManifest.polyfillFiles.map((f) => `${f} ${kb(gzipped(f))} KB gz`).join(", ")}`);
console.log("");
const width = Math.max(...rows.map((r) => r.route.length));
console.log(`${"route".padEnd(width)}  ${"KB gz".padStart(6)}  ${"own".padStart(6)}  files  budget`);
let over = 0;
for (const row of rows) {
  const ok = row.total <= BUDGET_KB * 1024;
  if (!ok) over++;
  const verdict = ok ? "ok" : `OVER by ${kb(row.total - BUDGET_KB * 1024)}`;
  console.log(`${row.route.padEnd(width)}  ${kb(row.total).padStart(6)}  ${kb(row.own).padStart(6)}  ${String(row.files.length).padStart(5)}  ${verdict}   ${PAGES[row.route] ?? ""}`);
  if (LIST_FILES) {
    for (const f of [...row.files].sort((a, b) => gzipped(b) - gzipped(a))) {
      console.log(`${"".padEnd(width)}  ${kb(gzipped(f)).padStart(6)}  ${shared.has(f) ? "shared" : "      "}  ${f}`);
    }
  }
}
console.log("");
console.log("KB gz: every JS file the page loads, each gzipped; own: beyond the shared files.");
if (over > 0) {
  console.log(`✗ ${over} of ${rows.length} pages over ${BUDGET_KB} KB gz`);
  process.exit(1);
}
console.log(`✓ all ${rows.length} pages within ${BUDGET_KB} KB gz`);
