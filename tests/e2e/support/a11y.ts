import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * WCAG 2.0/2.1/2.2 A and AA, and axe's best practices. Every best-practice rule runs; none is
 * excluded. `color-contrast-enhanced` (AAA, 7:1) is added where a page asks for it: the board,
 * which is read off washed-out projectors.
 */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

type ScanOptions = {
  /** Only this part of the page (a dialog, say); the whole page by default. */
  include?: string;
  /** Extra rules outside the tags, e.g. "color-contrast-enhanced" for the board. */
  extraRules?: string[];
};

/** Scans the page as it is now and fails with a readable list of what axe found. */
export async function expectAccessible(page: Page, state: string, opts: ScanOptions = {}): Promise<void> {
  // A button whose colours are still fading (150 ms, a check that just ended) would be
  // measured half-way: scan with motion reduced (app/globals.css makes transitions instant),
  // then give the page back its own setting.
  await page.emulateMedia({ reducedMotion: "reduce" });
  try {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await scan(page, state, opts);
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

async function scan(page: Page, state: string, opts: ScanOptions): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (opts.include) builder = builder.include(opts.include);
  const results = await builder.analyze();
  let violations = results.violations;
  if (opts.extraRules?.length) {
    let extra = new AxeBuilder({ page }).withRules(opts.extraRules);
    if (opts.include) extra = extra.include(opts.include);
    violations = [...violations, ...(await extra.analyze()).violations];
  }
  const report = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}\n    ${n.failureSummary?.replace(/\n/g, "\n    ")}`),
  );
  expect(report, `axe found problems on ${state}`).toEqual([]);
}
