import { expect, type Page } from "@playwright/test";

/** What has keyboard focus, and whether it can be seen and hit. */
export type Stop = {
  tag: string;
  id: string;
  testid: string | null;
  name: string;
  /** The focus indicator: an outline (or box shadow) at least 2 px wide. */
  ring: boolean;
  /** The ring drawn whole: no scrolling or clipping ancestor cuts it off. */
  ringWhole: boolean;
  /** Its centre shows the element, not the sticky toolbar or the announcement bar over it. */
  unobscured: boolean;
  /** Its target (with its label, for a checkbox or radio) in CSS px; null for inline links in text. */
  target: { width: number; height: number } | null;
  inDialog: boolean;
};

/** Reads the focused element. Runs in the page. */
function readStop(): Stop | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const width = parseFloat(cs.outlineWidth) || 0;
  const ring = (cs.outlineStyle !== "none" && width >= 2) || (cs.boxShadow !== "none" && cs.boxShadow !== "");
  const r = el.getBoundingClientRect();
  // The ring's outer edge, where it is drawn outside the element.
  const grow = Math.max(0, width + (parseFloat(cs.outlineOffset) || 0));
  const ringBox = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
  let ringWhole = true;
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === "visible" && s.overflowY === "visible") continue;
    const c = a.getBoundingClientRect();
    if (ringBox.left < c.left - 1 || ringBox.top < c.top - 1 || ringBox.right > c.right + 1 || ringBox.bottom > c.bottom + 1) ringWhole = false;
  }
  const labels = (el as HTMLInputElement).labels ? [...((el as HTMLInputElement).labels ?? [])] : [];
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const unobscured = Boolean(hit && (el === hit || el.contains(hit) || labels.some((l) => l.contains(hit))));
  let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  const type = (el as HTMLInputElement).type;
  if ((type === "checkbox" || type === "radio") && labels[0]) {
    const l = labels[0].getBoundingClientRect();
    box = { left: Math.min(box.left, l.left), top: Math.min(box.top, l.top), right: Math.max(box.right, l.right), bottom: Math.max(box.bottom, l.bottom) };
  }
  // WCAG 2.5.8's exception: a link inside a sentence.
  const inline = cs.display === "inline";
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    testid: el.getAttribute("data-testid"),
    name: (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80),
    ring,
    ringWhole,
    unobscured,
    target: inline ? null : { width: box.right - box.left, height: box.bottom - box.top },
    inDialog: Boolean(el.closest("dialog[open]")),
  };
}

export async function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(readStop);
}

/** Every stop must show where focus is, be visible, and be big enough to hit (24×24 px). */
export function expectUsable(stop: Stop, where: string) {
  const what = `${where}: ${stop.tag}${stop.id ? `#${stop.id}` : ""}${stop.testid ? `[${stop.testid}]` : ""} "${stop.name}"`;
  expect(stop.ring, `${what} shows no focus ring`).toBe(true);
  expect(stop.ringWhole, `${what}'s focus ring is cut off`).toBe(true);
  expect(stop.unobscured, `${what} is hidden under something`).toBe(true);
  if (stop.target) {
    expect(stop.target.width, `${what} is narrower than 24 px`).toBeGreaterThanOrEqual(24);
    expect(stop.target.height, `${what} is lower than 24 px`).toBeGreaterThanOrEqual(24);
  }
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, checking every stop on the
 * way. Fails if it is not reached within `max` presses.
 */
export async function tabTo(page: Page, matches: (stop: Stop) => boolean, opts: { max?: number; back?: boolean; where?: string } = {}): Promise<Stop> {
  const max = opts.max ?? 120;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
    const stop = await focused(page);
    if (!stop) continue;
    expectUsable(stop, opts.where ?? page.url());
    if (matches(stop)) return stop;
  }
  throw new Error(`not reached by ${opts.back ? "Shift+Tab" : "Tab"} within ${max} presses (${opts.where ?? page.url()})`);
}

/**
 * No keyboard trap: from wherever focus is, Tab goes on through the page and out of it (to
 * the page itself, or round to the first stop), and Shift+Tab comes back.
 */
export async function expectNoTrap(page: Page, where: string, max = 250) {
  for (const back of [false, true]) {
    const seen: string[] = [];
    let out = false;
    for (let i = 0; i < max && !out; i++) {
      await page.keyboard.press(back ? "Shift+Tab" : "Tab");
      const stop = await focused(page);
      if (!stop) {
        out = true;
        break;
      }
      expectUsable(stop, where);
      const key = `${stop.tag}#${stop.id}[${stop.testid}]${stop.name}`;
      // Round again to a stop already passed: the page was left and re-entered (or cycled).
      if (seen.includes(key) && seen.indexOf(key) === 0) out = true;
      seen.push(key);
    }
    expect(out, `${where}: ${back ? "Shift+Tab" : "Tab"} never leaves the page (a keyboard trap?) after ${seen.length} stops`).toBe(true);
  }
}
