"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { joinRoom, type JoinState } from "@/lib/rooms/actions";
import { NICKNAME_MAX } from "@/lib/rooms/model";
import { useRouter } from "@/i18n/navigation";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";

export function JoinForm({ code, title }: { code: string; title: string }) {
  const t = useTranslations("join");
  const router = useRouter();
  const [state, action, pending] = useActionState<JoinState, FormData>(joinRoom, null);
  // Controlled, so a refused nickname stays in the field to be edited.
  const [nickname, setNickname] = useState("");

  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  return (
    <section aria-labelledby="join-title" className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
      <h1 id="join-title" className="text-2xl font-bold">
        {t("title", { title })}
      </h1>
      <p className="mt-1 text-stone-600">{t("lead")}</p>
      <form action={action} className="mt-5 space-y-3">
        <input type="hidden" name="code" value={code} />
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
          className="block min-h-12 w-full max-w-sm rounded-lg border border-stone-300 bg-white px-3 text-lg"
        />
        <p id="nickname-help" className="text-xs text-stone-500">
          {t("nicknameHelp", { max: NICKNAME_MAX })}
        </p>
        <Button type="submit" busy={pending || state?.ok} disabled={nickname.trim() === ""} className="min-h-12 px-6 text-base">
          {pending ? t("joining") : t("submit")}
        </Button>
        {state && !state.ok && <FailureMessage failure={state} />}
      </form>
    </section>
  );
}
