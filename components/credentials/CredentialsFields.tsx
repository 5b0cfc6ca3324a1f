"use client";

import { useTranslations } from "next-intl";
import { MAX_PASTE_LENGTH } from "@/lib/credentials/paste-limit";
import { RegionOptions } from "./RegionName";

/** The paste box and the region, shared by the sign-in form and the join form. */
export function CredentialsFields({
  paste,
  onPaste,
  region,
  onRegion,
  autoFocus = false,
}: {
  paste: string;
  onPaste: (value: string) => void;
  region: string;
  onRegion: (value: string) => void;
  autoFocus?: boolean;
}) {
  const t = useTranslations("credentials");
  const te = useTranslations("errors");
  const tooLong = pasteOverLimit(paste);
  return (
    <>
      <div>
        <label htmlFor="paste" className="block text-sm font-semibold">
          {t("pasteLabel")}
        </label>
        <textarea
          id="paste"
          name="paste"
          required
          rows={7}
          value={paste}
          onChange={(e) => onPaste(e.target.value)}
          autoFocus={autoFocus}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t("pastePlaceholder")}
          aria-describedby={tooLong ? "paste-help paste-too-long" : "paste-help"}
          aria-invalid={tooLong || undefined}
          className="mt-1 block w-full rounded-lg border border-stone-500 bg-stone-50 p-3 font-mono text-xs leading-relaxed"
        />
        <p id="paste-help" className="mt-1 text-xs text-stone-600">
          {t("pasteHelp")}
        </p>
        {tooLong && (
          <p id="paste-too-long" role="alert" className="mt-1 text-sm font-semibold text-red-800" data-testid="paste-too-long">
            {te("paste-too-long")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="region" className="block text-sm font-semibold">
          {t("region")}
        </label>
        <select
          id="region"
          name="region"
          value={region}
          onChange={(e) => onRegion(e.target.value)}
          aria-describedby="region-help"
          className="mt-1 block min-h-10 max-w-full rounded-lg border border-stone-500 bg-white px-3 text-sm"
        >
          <RegionOptions />
        </select>
        <p id="region-help" className="mt-1 text-xs leading-relaxed text-stone-600">
          {t("regionHelp")}
        </p>
      </div>
    </>
  );
}

/** Refuses an over-long paste in the browser, before anything is sent. */
export function pasteTooLong(form: FormData): { ok: false; code: string } | undefined {
  const paste = form.get("paste");
  return typeof paste === "string" && pasteOverLimit(paste) ? { ok: false, code: "paste-too-long" } : undefined;
}

/** Longer than the server takes (lib/credentials/paste-limit.ts). */
export function pasteOverLimit(paste: string): boolean {
  return paste.length > MAX_PASTE_LENGTH;
}

/** Something pasted, and not too long: the submit button's condition in both forms. */
export function pasteReady(paste: string): boolean {
  return paste.trim() !== "" && !pasteOverLimit(paste);
}
