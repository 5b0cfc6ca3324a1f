import type { ReactNode } from "react";

export type StatusItem = { key: string; label: ReactNode; ok: boolean; value: ReactNode };

/** Rows of "what AWS has now", each marked met (✓) or missing (✗). */
export function StatusList({ items, label }: { items: StatusItem[]; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-stone-100 rounded-xl border border-stone-200 text-sm">
      {items.map((item) => (
        <li key={item.key} data-ok={item.ok} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2">
          <span>{item.label}</span>
          <span className={`font-semibold ${item.ok ? "text-emerald-800" : "text-amber-800"}`}>
            <span aria-hidden="true">{item.ok ? "✓ " : "✗ "}</span>
            {item.value}
          </span>
        </li>
      ))}
    </ul>
  );
}
