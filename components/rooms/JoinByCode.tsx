"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { reachServer, type Failure } from "@/lib/result";
import { findRoom } from "@/lib/rooms/actions";
import { useRouter } from "@/i18n/navigation";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";

export function JoinByCode() {
  const t = useTranslations("landing");
  const router = useRouter();
  const [code, setCode] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="mt-4 space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = await reachServer(() => findRoom(code));
          if (!res.ok) return setFailure(res);
          setFailure(null);
          router.push(`/r/${res.data.code}`);
        });
      }}
    >
      <label htmlFor="join-code" className="block text-sm font-semibold">
        {t("codeLabel")}
      </label>
      <div className="flex flex-wrap gap-3">
        <input
          id="join-code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={t("codePlaceholder")}
          className="min-h-12 w-48 rounded-lg border border-stone-500 bg-white px-3 font-mono text-2xl uppercase tracking-widest"
        />
        <Button type="submit" busy={pending} disabled={code.trim() === ""} className="min-h-12 px-6 text-base">
          {t("joinSubmit")}
        </Button>
      </div>
      {failure && <FailureMessage failure={failure} autoFocus />}
    </form>
  );
}
