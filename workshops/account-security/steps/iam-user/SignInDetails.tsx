"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { consoleSignIn } from "@/lib/aws/actions";
import { credentialsCsv, credentialsCsvFileName } from "@/lib/workshop/credentials-csv";
import { Button } from "@/components/ui/Button";
import { CopyButton } from "@/components/ui/CopyButton";
import { useWorkshop } from "@/components/workshop/WorkshopContext";

/**
 * Where the new user signs in, with a copy button; and, right after the password was set
 * in this page, the console-style CSV made here in the browser (the server never returns
 * the password).
 */
export function SignInDetails({ fresh }: { fresh?: { userName: string; password: string } }) {
  const t = useTranslations("steps.iam-user");
  const { handleFailure } = useWorkshop();
  const [url, setUrl] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);

  useEffect(() => {
    let live = true;
    void consoleSignIn().then((res) => {
      if (!live) return;
      if (res.ok) setUrl(res.data.url);
      else handleFailure(res);
    });
    return () => {
      live = false;
    };
  }, [handleFailure]);

  if (!url) return null;

  const download = () => {
    if (!fresh) return;
    const blob = new Blob([credentialsCsv({ ...fresh, signInUrl: url })], { type: "text/csv;charset=utf-8" });
    const href = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = href;
    a.download = credentialsCsvFileName(fresh.userName);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  };

  return (
    <div className="space-y-3 rounded-xl border border-sky-200 bg-sky-50 p-4">
      <div>
        <p className="text-sm font-semibold">{t("signInUrl")}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="sign-in-url"
            className="min-w-0 break-all py-1 font-mono text-sm text-sky-900 underline underline-offset-2"
          >
            {url}
          </a>
          <CopyButton text={url} />
        </div>
        <p className="mt-1 text-xs text-stone-600">{t("signInHelp")}</p>
      </div>
      {fresh && (
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2 border-t border-sky-200 pt-3 text-sm">
          <dt className="font-semibold">{t("userName")}</dt>
          <dd className="font-mono">{fresh.userName}</dd>
          <dt className="font-semibold">{t("password")}</dt>
          <dd className="flex min-w-0 flex-wrap items-center gap-2">
            <span className="min-w-0 break-all font-mono" data-testid="fresh-password">
              {showPassword ? fresh.password : "••••••••••••"}
            </span>
            <button
              type="button"
              onClick={() => setShowPassword((v) => !v)}
              aria-pressed={showPassword}
              className="inline-flex min-h-9 items-center rounded-md border border-stone-300 bg-white px-3 text-sm font-medium hover:bg-stone-100"
            >
              {showPassword ? t("hide") : t("show")}
            </button>
            <CopyButton text={fresh.password} />
          </dd>
        </dl>
      )}
      {fresh && (
        <div className="border-t border-sky-200 pt-3">
          <Button variant="secondary" onClick={download} data-testid="download-csv">
            <span aria-hidden="true">⬇</span>
            {t("downloadCsv")}
          </Button>
          <p className="mt-2 text-xs text-stone-700">{t("passwordOnce")}</p>
        </div>
      )}
    </div>
  );
}
