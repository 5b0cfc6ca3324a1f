"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent, type Ref } from "react";
import type { Failure } from "@/lib/result";
import { isMfaCode, tidyMfaCode } from "@/lib/workshop/mfa-codes";
import { groupSecret, normaliseSecret, otpauthUri } from "@/lib/workshop/otpauth";
import { Button } from "@/components/ui/Button";
import { CopyButton } from "@/components/ui/CopyButton";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useFocusOnMount } from "@/components/ui/focus";
import { MfaQr } from "./MfaQr";

export type MfaDevice = { userName: string; serialNumber: string; secret: string; account: string };

type Props = {
  device: MfaDevice;
  pending: boolean;
  failure: Failure | null;
  /** Resolves true when AWS enabled the device. */
  onEnable: (codes: { code1: string; code2: string }) => Promise<boolean>;
  onCancel: () => void;
};

const digitsOnly = (value: string) => tidyMfaCode(value).replace(/\D/g, "").slice(0, 6);

/** QR code, the key for typing by hand, and the two consecutive codes. */
export function MfaSetup({ device, pending, failure, onEnable, onCancel }: Props) {
  const t = useTranslations("steps.user-mfa");
  const ids = useId();
  const [code1, setCode1] = useState("");
  const [code2, setCode2] = useState("");
  const [problem, setProblem] = useState<"codeFormat" | "sameCodes" | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const uri = otpauthUri(device);
  // The start button is gone: focus the setup's title, from where the QR, the key and the
  // two code fields follow in order.
  useFocusOnMount(title, device.serialNumber);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isMfaCode(code1) || !isMfaCode(code2)) {
      setProblem("codeFormat");
      return first.current?.focus();
    }
    if (code1 === code2) {
      setProblem("sameCodes");
      setCode2("");
      return;
    }
    setProblem(null);
    if (!(await onEnable({ code1, code2 }))) {
      // Wrong or stale codes cannot be fixed by editing them: start from fresh ones. The QR stays.
      setCode1("");
      setCode2("");
      first.current?.focus();
    }
  };

  const codeInput = (id: string, value: string, set: (v: string) => void, label: string, ref?: Ref<HTMLInputElement>) => (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => set(digitsOnly(e.target.value))}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={12}
        aria-invalid={problem !== null}
        className="mt-1 block min-h-11 w-36 rounded-lg border border-stone-500 bg-white px-3 text-center font-mono text-lg tracking-[0.3em] aria-[invalid=true]:border-red-500"
      />
    </div>
  );

  return (
    <div className="space-y-5 rounded-xl border border-stone-200 p-4" data-testid="mfa-setup">
      <h4 ref={title} tabIndex={-1} className="text-sm font-semibold" data-testid="mfa-setup-title">
        {t("settingUpFor", { user: device.userName })}
      </h4>
      <ol className="space-y-5 text-sm">
        <li>
          <p className="font-semibold">1. {t("app")}</p>
        </li>
        <li>
          <p className="font-semibold">2. {t("scan")}</p>
          <div className="mt-2 flex flex-col gap-4 sm:flex-row sm:items-start">
            <MfaQr uri={uri} label={t("qrLabel", { user: device.userName })} />
            <div className="min-w-0 space-y-2">
              <p className="text-stone-700">{t("manual")}</p>
              <p className="text-xs font-semibold text-stone-600">{t("secretLabel")}</p>
              <code data-testid="mfa-secret" className="block break-words rounded bg-stone-100 px-2 py-1 font-mono text-sm">
                {groupSecret(device.secret)}
              </code>
              <CopyButton text={normaliseSecret(device.secret)} />
              <p className="text-xs text-stone-600">{t("keepSecret")}</p>
            </div>
          </div>
        </li>
        <li>
          <p className="font-semibold">3. {t("codes")}</p>
          <form onSubmit={submit} noValidate className="mt-2 space-y-3">
            <div className="flex flex-wrap gap-4">
              {codeInput(`${ids}-code1`, code1, setCode1, t("code1"), first)}
              {codeInput(`${ids}-code2`, code2, setCode2, t("code2"))}
            </div>
            {problem && (
              <p role="alert" className="text-sm font-semibold text-red-800">
                {t(problem)}
              </p>
            )}
            {failure && <FailureMessage failure={failure} />}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" busy={pending}>
                {t("enable")}
              </Button>
              <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
                {t("cancel")}
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
