"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * Where keyboard focus should go after an async update (a fix's result, an error, a form
 * that appeared): there, but only if the attendee has not moved on. Focus is moved when it
 * is still on the element that started the action, or was lost to the page because that
 * element went away; never when they have tabbed or clicked somewhere else meanwhile.
 */
export function moveFocusIfLost(target: HTMLElement | null | undefined, startedFrom: Element | null): boolean {
  if (!target || !target.isConnected) return false;
  const active = document.activeElement;
  const lost = !active || active === document.body || !active.isConnected;
  if (!lost && active !== startedFrom) return false;
  target.focus();
  return true;
}

/**
 * Waits (up to `timeoutMs`) for what an action changed to be on the page, then moves focus
 * there as moveFocusIfLost does. Not tied to a component: the one that started the action
 * may be gone by then (a form that disappears once its step is done).
 */
export function focusWhenShown(find: () => HTMLElement | null | undefined, startedFrom: Element | null, timeoutMs = 3000): void {
  const until = Date.now() + timeoutMs;
  const attempt = () => {
    const target = find();
    if (target) return void moveFocusIfLost(target, startedFrom);
    if (Date.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** Set by the join form before the page turns into the checklist: the workshop then focuses its banner. */
export const FOCUS_AFTER_JOIN = "hajime:focus-after-join";

/**
 * Focuses `ref` once it is on the page, if focus was lost to the page meanwhile (see
 * moveFocusIfLost): for news that replaces the control that was used (a form that is gone).
 * `key` re-runs it for new news in the same element.
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>, key?: unknown) {
  useEffect(() => {
    moveFocusIfLost(ref.current, null);
  }, [key, ref]);
}

/**
 * Signing in or out swaps the paste form for the page (or back): keyboard focus follows to
 * the banner saying who is signed in (the returned ref), or to the paste box, rather than
 * falling to the page. With `afterJoin`, also to the banner when the join form has just set
 * FOCUS_AFTER_JOIN (the page was already signed in, so the session did not appear).
 */
export function useFocusAcrossSignIn(session: unknown, { afterJoin = false } = {}): RefObject<HTMLElement | null> {
  const banner = useRef<HTMLElement>(null);
  const hadSession = useRef(Boolean(session));
  useEffect(() => {
    const had = hadSession.current;
    hadSession.current = Boolean(session);
    let joined = false;
    if (afterJoin) {
      try {
        joined = sessionStorage.getItem(FOCUS_AFTER_JOIN) !== null;
        sessionStorage.removeItem(FOCUS_AFTER_JOIN);
      } catch {
        // storage unavailable: nothing to follow
      }
    }
    if (session && (!had || joined)) moveFocusIfLost(banner.current, null);
    if (!session && had) moveFocusIfLost(document.getElementById("paste"), null);
  }, [session]); // eslint-disable-line react-hooks/exhaustive-deps
  return banner;
}
