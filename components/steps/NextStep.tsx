import type { ReactNode } from "react";

/**
 * A green "what happened" box, optionally with what to do next. It is where keyboard focus
 * lands after a fix (components/steps/useFix.ts), and a polite status for screen readers.
 */
export function Outcome({ children, next }: { children: ReactNode; next?: ReactNode }) {
  return (
    <div role="status" tabIndex={-1} data-fix-result="success" className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      {children}
      {next && <p className="mt-2 font-semibold">{next}</p>}
    </div>
  );
}

/** A link to another step's card on the same page. */
export function StepLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <a href={`#step-${id}`} className="font-semibold text-sky-800 underline underline-offset-2">
      {children}
    </a>
  );
}
