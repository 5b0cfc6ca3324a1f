import type { ButtonHTMLAttributes, MouseEvent } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

// Contrast on white: primary 5.2:1 (white on brand-700), danger 6.5:1; stone text 7:1 or more.
const VARIANTS: Record<Variant, string> = {
  primary:
    "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-300 disabled:text-stone-600 aria-disabled:bg-brand-800 aria-disabled:hover:bg-brand-800",
  secondary: "border border-stone-400 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-500",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-300 disabled:text-stone-600 aria-disabled:bg-red-800",
  ghost: "text-stone-700 hover:bg-stone-100 disabled:text-stone-500",
};

/**
 * A button. While `busy` it stays focusable (aria-disabled, clicks ignored) rather than
 * disabled: a disabled button drops keyboard focus to the page, and the attendee would have
 * to find their place again after every fix. `disabled` is for buttons that cannot be used yet.
 */
export function Button({
  variant = "primary",
  busy = false,
  className = "",
  children,
  disabled,
  onClick,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean }) {
  const guarded = (e: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      // Also stops a submit button (or Enter in a field) from sending the form again.
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return (
    <button
      {...rest}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={guarded}
      className={`inline-flex min-h-10 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed aria-disabled:cursor-progress ${VARIANTS[variant]} ${className}`}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

export function Spinner({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg className={`animate-spin motion-reduce:animate-none ${className}`} viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="4" fill="none" opacity="0.25" />
      <path d="M22 12a10 10 0 0 1-10 10" stroke="currentColor" strokeWidth="4" fill="none" />
    </svg>
  );
}
