"use client";

import { useTranslations } from "next-intl";
import type { Failure } from "@/lib/aws/errors";

/** A failure value shown in the attendee's language. Unknown codes fall back to a generic line. */
export function FailureMessage({ failure, className = "" }: { failure: Failure; className?: string }) {
  const t = useTranslations("errors");
  let key = t.has(failure.code) ? failure.code : failure.params?.name ? "aws-error" : "unexpected";
  if (key === "access-denied" && !failure.params?.action) key = "access-denied-unknown";
  const params = { action: "", name: "", status: "", reason: "", field: "", ...failure.params };
  return (
    <p role="alert" data-testid="failure" className={`rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 ${className}`}>
      {t(key, params)}
    </p>
  );
}
