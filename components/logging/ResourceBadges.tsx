"use client";

/** Small labelled chips used on the logging cards and the teardown page. */
export function Chip({ tone = "stone", children }: { tone?: "stone" | "emerald" | "amber" | "sky" | "rose"; children: React.ReactNode }) {
  const tones = {
    stone: "border-stone-300 bg-stone-50 text-stone-700",
    emerald: "border-emerald-300 bg-emerald-50 text-emerald-900",
    amber: "border-amber-300 bg-amber-50 text-amber-900",
    sky: "border-sky-300 bg-sky-50 text-sky-900",
    rose: "border-rose-300 bg-rose-50 text-rose-900",
  } as const;
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>;
}

/** A resource name as the console shows it: monospace, breaking anywhere on narrow screens. */
export function ResourceName({ children }: { children: React.ReactNode }) {
  return <span className="break-all font-mono text-[0.85em]">{children}</span>;
}
