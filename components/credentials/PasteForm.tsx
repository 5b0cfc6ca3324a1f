"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { signIn } from "@/lib/credentials/actions";
import type { SessionView } from "@/lib/credentials/session-view";
import { DEFAULT_REGION } from "@/lib/regions";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useServerForm } from "@/components/ui/useServerForm";
import { CredentialsFields, pasteReady, pasteTooLong } from "./CredentialsFields";

export function PasteForm({
  onSignedIn,
  notice,
  defaultRegion = DEFAULT_REGION,
  autoFocus = false,
  headingLevel = 2,
  bare = false,
}: {
  onSignedIn: (session: SessionView) => void;
  notice?: string;
  defaultRegion?: string;
  autoFocus?: boolean;
  headingLevel?: 1 | 2;
  /** Inside a dialog that has its own title: no card, no heading. */
  bare?: boolean;
}) {
  const t = useTranslations("credentials");
  const { state, pending, onSubmit } = useServerForm(signIn, pasteTooLong);
  // Controlled, so that a failed attempt (or a dropped network) keeps what was pasted.
  const [paste, setPaste] = useState("");
  const [region, setRegion] = useState(defaultRegion);
  const Heading = headingLevel === 1 ? "h1" : "h2";

  useEffect(() => {
    if (state?.ok) {
      setPaste("");
      onSignedIn(state.data);
    }
  }, [state, onSignedIn]);

  return (
    <section
      aria-labelledby={bare ? undefined : "paste-title"}
      aria-label={bare ? t("title") : undefined}
      className={bare ? "" : "rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6"}
    >
      {!bare && (
        <>
          <Heading id="paste-title" className="text-xl font-bold">
            {t("title")}
          </Heading>
          <p className="mt-1 text-sm text-stone-600">{t("lead")}</p>
        </>
      )}
      {notice && (
        <p role="status" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="paste-notice">
          {notice}
        </p>
      )}
      <form onSubmit={onSubmit} className="mt-4 space-y-4">
        <CredentialsFields paste={paste} onPaste={setPaste} region={region} onRegion={setRegion} autoFocus={autoFocus} />
        <Button type="submit" busy={pending} disabled={!pasteReady(paste)}>
          {pending ? t("verifying") : t("submit")}
        </Button>
        {state && !state.ok && <FailureMessage failure={state} autoFocus />}
      </form>
      <CredentialsHelp />
    </section>
  );
}

/** Below a credentials form (sign-in, join): how to get a paste, and what Hajime keeps of it. */
export function CredentialsHelp() {
  const t = useTranslations("credentials");
  return (
    <>
      <HowToGetCredentials />
      <p className="mt-4 text-xs text-stone-600">{t("privacy")}</p>
    </>
  );
}

function HowToGetCredentials() {
  const t = useTranslations("credentials");
  return (
    <details className="mt-5 rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm">
      <summary className="cursor-pointer py-1 font-semibold">{t("howTo.title")}</summary>
      <ol className="mt-3 list-decimal space-y-3 pl-5">
        <li>
          <p>{t("howTo.cloudshell")}</p>
          <code className="mt-1 block break-all rounded bg-stone-900 px-3 py-2 font-mono text-xs text-stone-50" translate="no">
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
