"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { Failure } from "@/lib/result";
import type { StepId } from "@/workshops";

/**
 * A failure value shown in the attendee's language. Unknown codes fall back to a generic line.
 * With `step`, a code that step explains itself (`steps.<step>.errors.<code>`, in its folder's
 * texts) is shown in its words first.
 * With `autoFocus`, keyboard focus moves to it when it appears (or changes), if focus was in
 * the same form or section (the button that was pressed) or had been lost to the page.
 */
export function FailureMessage({
  failure,
  className = "",
  autoFocus = false,
  step,
}: {
  failure: Failure;
  className?: string;
  autoFocus?: boolean;
  step?: StepId;
}) {
  const t = useTranslations("errors");
  const all = useTranslations();
  const own = step ? `steps.${step}.errors.${failure.code}` : null;
  const ref = useRef<HTMLParagraphElement>(null);
  let key = t.has(failure.code) ? failure.code : failure.params?.name ? "aws-error" : "unexpected";
  if (key === "access-denied" && !failure.params?.action) key = "access-denied-unknown";
  const params = { action: "", name: "", status: "", reason: "", field: "", ...failure.params };

  useEffect(() => {
    const el = ref.current;
    if (!autoFocus || !el) return;
    const active = document.activeElement;
    const scope = el.closest("form, section, article, dialog, [data-focus-scope]");
    if (!active || active === document.body || (scope && scope.contains(active))) el.focus();
  }, [autoFocus, failure]);

  return (
    <p
      ref={ref}
      role="alert"
      tabIndex={-1}
      data-testid="failure"
      data-fix-result="failure"
      className={`rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 ${className}`}
    >
      {own && all.has(own) ? all(own, params) : t(key, params)}
    </p>
  );
}
