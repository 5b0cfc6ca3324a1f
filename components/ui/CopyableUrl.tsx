import { CopyButton } from "./CopyButton";

/** A URL shown whole in monospace, with a copy button beside it. */
export function CopyableUrl({ url, testId, onWhite = false }: { url: string; testId: string; onWhite?: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code className={`block min-w-0 flex-1 break-all rounded px-2 py-1 font-mono text-xs ${onWhite ? "bg-white" : "bg-stone-100"}`} data-testid={testId}>
        {url}
      </code>
      <CopyButton text={url} />
    </div>
  );
}
