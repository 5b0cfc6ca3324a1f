"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { DEFAULT_REGION } from "@/lib/regions";
import type { SessionView } from "@/lib/credentials/session-view";
import { joinRoom } from "@/lib/rooms/actions";
import { NICKNAME_MAX } from "@/lib/rooms/model";
import { useRouter } from "@/i18n/navigation";
import { CredentialsFields, pasteReady, pasteTooLong } from "@/components/credentials/CredentialsFields";
import { useIdentityLabel } from "@/components/credentials/IdentityName";
import { CredentialsHelp } from "@/components/credentials/PasteForm";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useServerForm } from "@/components/ui/useServerForm";
import { FOCUS_AFTER_JOIN } from "@/components/ui/focus";

/**
 * Joining a room: a nickname, and credentials unless this browser is already signed in. A
 * seat on the board is given only to credentials AWS accepts, so the two go together.
 */
export function JoinForm({ code, title, session }: { code: string; title: string; session: SessionView | null }) {
  const t = useTranslations("join");
  const identityLabel = useIdentityLabel();
  const router = useRouter();
  const { state, pending, onSubmit } = useServerForm(joinRoom, pasteTooLong);
  // Controlled, so a refused nickname or paste stays to be edited.
  const [nickname, setNickname] = useState("");
  const [paste, setPaste] = useState("");
  const [region, setRegion] = useState(DEFAULT_REGION as string);
  const needsPaste = !session;

  useEffect(() => {
    if (!state?.ok) return;
    try {
      // The page becomes the checklist: the workshop moves focus to the signed-in banner.
      sessionStorage.setItem(FOCUS_AFTER_JOIN, "1");
    } catch {
      // storage unavailable: focus stays where the browser leaves it
    }
    router.refresh();
  }, [state, router]);

  return (
    <section aria-labelledby="join-title" className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
      <h1 id="join-title" className="text-2xl font-bold">
        {t("title", { title })}
      </h1>
      <p className="mt-1 text-stone-600">{needsPaste ? t("leadWithCredentials") : t("lead")}</p>
      <form onSubmit={onSubmit} className="mt-5 space-y-4">
        <input type="hidden" name="code" value={code} />
        <div className="space-y-1">
          <label htmlFor="nickname" className="block text-sm font-semibold">
            {t("nickname")}
          </label>
          <input
            id="nickname"
            name="nickname"
            required
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            maxLength={80}
            autoComplete="nickname"
            aria-describedby="nickname-help"
            className="block min-h-12 w-full max-w-sm rounded-lg border border-stone-500 bg-white px-3 text-lg"
          />
          <p id="nickname-help" className="text-xs text-stone-600">
            {t("nicknameHelp", { max: NICKNAME_MAX })}
          </p>
        </div>
        {needsPaste ? (
          <CredentialsFields paste={paste} onPaste={setPaste} region={region} onRegion={setRegion} />
        ) : (
          <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-950" data-testid="join-signed-in">
            {t("signedInAs", { who: identityLabel(session.identity), account: session.identity.account })}
          </p>
        )}
        <Button
          type="submit"
          busy={pending || state?.ok}
          disabled={nickname.trim() === "" || (needsPaste && !pasteReady(paste))}
          className="min-h-12 px-6 text-base"
        >
          {pending ? (needsPaste ? t("verifying") : t("joining")) : t("submit")}
        </Button>
        {state && !state.ok && <FailureMessage failure={state} autoFocus />}
      </form>
      {needsPaste && <CredentialsHelp />}
    </section>
  );
}
