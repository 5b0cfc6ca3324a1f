"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { reachServer, type Failure } from "@/lib/result";
import { claimOrganizer } from "@/lib/rooms/actions";
import { useRouter } from "@/i18n/navigation";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";

/** "…/organize#key=…" or a bare key → the key. */
function keyFrom(text: string): string {
  const match = text.match(/[#&]key=([A-Za-z0-9_-]+)/);
  return (match ? match[1] : text).trim();
}

/**
 * Trades the key in the URL fragment (never sent to the server in a request line, so never
 * in logs or a Referer) for the room's httpOnly organizer cookie, then drops it from the URL.
 */
export function OrganizerGate({ code }: { code: string }) {
  const t = useTranslations("organize");
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [value, setValue] = useState("");
  const [pending, startTransition] = useTransition();

  const claim = (key: string) =>
    startTransition(async () => {
      const res = await reachServer(() => claimOrganizer(code, key));
      if (!res.ok) return setFailure(res);
      setFailure(null);
      router.refresh();
    });

  useEffect(() => {
    const hash = window.location.hash;
    if (!hash.includes("key=")) return;
    history.replaceState(null, "", window.location.pathname + window.location.search);
    claim(keyFrom(hash));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="gate-title">
      <h1 id="gate-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-2 text-stone-700">{t("keyNeeded")}</p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          claim(keyFrom(value));
        }}
      >
        <label htmlFor="organizer-key" className="block text-sm font-semibold">
          {t("keyLabel")}
        </label>
        <input
          id="organizer-key"
          type="password"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          className="block min-h-10 w-full rounded-lg border border-stone-500 bg-white px-3 font-mono text-sm"
        />
        <Button type="submit" busy={pending} disabled={value.trim() === ""}>
          {pending ? t("checkingKey") : t("keySubmit")}
        </Button>
        {failure && <FailureMessage failure={failure} autoFocus />}
      </form>
    </section>
  );
}
