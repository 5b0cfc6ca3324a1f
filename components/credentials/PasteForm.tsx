"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { signIn, type SignInState } from "@/lib/credentials/actions";
import type { SessionView } from "@/lib/credentials/session-view";
import { DEFAULT_REGION, REGIONS } from "@/lib/aws/regions";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useRegionLabel } from "./RegionName";

export function PasteForm({
  onSignedIn,
  notice,
  defaultRegion = DEFAULT_REGION,
}: {
  onSignedIn: (session: SessionView) => void;
  notice?: string;
  defaultRegion?: string;
}) {
  const t = useTranslations("credentials");
  const regionLabel = useRegionLabel();
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, null);
  // Controlled, so that a failed attempt keeps what was pasted.
  const [paste, setPaste] = useState("");
  const [region, setRegion] = useState(defaultRegion);

  useEffect(() => {
    if (state?.ok) {
      setPaste("");
      onSignedIn(state.data);
    }
  }, [state, onSignedIn]);

  return (
    <section aria-labelledby="paste-title" className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="paste-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("lead")}</p>
      {notice && (
        <p role="status" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice}
        </p>
      )}
      <form action={action} className="mt-4 space-y-4">
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
            onChange={(e) => setPaste(e.target.value)}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder={t("pastePlaceholder")}
            aria-describedby="paste-help"
            className="mt-1 block w-full rounded-lg border border-stone-300 bg-stone-50 p-3 font-mono text-xs leading-relaxed focus:border-brand-500"
          />
          <p id="paste-help" className="mt-1 text-xs text-stone-500">
            {t("pasteHelp")}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="region" className="block text-sm font-semibold">
              {t("region")}
            </label>
            <select
              id="region"
              name="region"
              value={region}
              onChange={(e) => setRegion(e.target.value)}
              className="mt-1 block min-h-10 rounded-lg border border-stone-300 bg-white px-3"
            >
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {regionLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" busy={pending} disabled={paste.trim() === ""}>
            {pending ? t("verifying") : t("submit")}
          </Button>
        </div>
        {state && !state.ok && <FailureMessage failure={state} />}
      </form>
      <HowToGetCredentials />
      <p className="mt-4 text-xs text-stone-500">{t("privacy")}</p>
    </section>
  );
}

function HowToGetCredentials() {
  const t = useTranslations("credentials");
  return (
    <details className="mt-5 rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm">
      <summary className="cursor-pointer font-semibold">{t("howTo.title")}</summary>
      <ol className="mt-3 list-decimal space-y-3 pl-5">
        <li>
          <p>{t("howTo.cloudshell")}</p>
          <code className="mt-1 block overflow-x-auto rounded bg-stone-900 px-3 py-2 font-mono text-xs text-stone-50">
            aws configure export-credentials --format env
          </code>
        </li>
        <li>{t("howTo.identityCenter")}</li>
        <li>{t("howTo.sts")}</li>
      </ol>
      <p className="mt-3 text-stone-600">{t("howTo.longTerm")}</p>
    </details>
  );
}
