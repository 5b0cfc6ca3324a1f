"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import type { Failure } from "@/lib/result";
import { tidyUserName, userNameProblem } from "@/lib/workshop/iam-names";
import { generatePassword, passwordProblems, type PasswordPolicy } from "@/lib/workshop/password-rules";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { PasswordRules } from "./PasswordRules";

export type IamUserFormProps = {
  policy: PasswordPolicy;
  policyIsDefault: boolean;
  pending: boolean;
  failure: Failure | null;
  /** Resolves true when the user was set up; the form keeps what was typed otherwise. */
  onSubmit: (input: { userName: string; password: string }) => Promise<boolean>;
};

const inputClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 font-mono text-base aria-[invalid=true]:border-red-500 sm:text-sm";

/** User name and console password, checked here as the attendee types and again on the server. */
export function IamUserForm({ policy, policyIsDefault, pending, failure, onSubmit }: IamUserFormProps) {
  const t = useTranslations("steps.iam-user");
  const ids = useId();
  const [userName, setUserName] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [nameTouched, setNameTouched] = useState(false);
  const [tried, setTried] = useState(false);
  const [generated, setGenerated] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const nameProblem = userNameProblem(userName);
  const passwordOk = passwordProblems(password, policy).length === 0;
  const serverNameProblem = failure?.code === "invalid-input" && failure.params?.field === "userName";
  const showNameProblem = (nameTouched || tried) && nameProblem !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = tidyUserName(userName);
    setUserName(name);
    setTried(true);
    if (userNameProblem(name)) return nameRef.current?.focus();
    if (!passwordOk) return passwordRef.current?.focus();
    await onSubmit({ userName: name, password });
  };

  const generate = () => {
    setPassword(generatePassword(policy));
    setShowPassword(true);
    setGenerated(true);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="iam-user-form">
      <div>
        <label htmlFor={`${ids}-name`} className="block text-sm font-semibold">
          {t("userName")}
        </label>
        <input
          ref={nameRef}
          id={`${ids}-name`}
          name="userName"
          value={userName}
          onChange={(e) => setUserName(e.target.value)}
          onBlur={() => {
            setUserName(tidyUserName(userName));
            if (userName !== "") setNameTouched(true);
          }}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={80}
          placeholder={t("userNamePlaceholder")}
          aria-invalid={showNameProblem || serverNameProblem}
          aria-describedby={`${ids}-name-help`}
          className={inputClass}
        />
        <p id={`${ids}-name-help`} className={`mt-1 text-xs ${showNameProblem ? "font-semibold text-red-800" : "text-stone-600"}`}>
          {showNameProblem ? t(`userNameProblem.${nameProblem}`) : t("userNameHelp")}
        </p>
      </div>

      <div>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor={`${ids}-password`} className="block text-sm font-semibold">
            {t("password")}
          </label>
          <Button type="button" variant="secondary" onClick={generate} className="min-h-9 py-1 text-xs">
            {t("generate")}
          </Button>
        </div>
        <div className="mt-1 flex gap-2">
          <input
            ref={passwordRef}
            id={`${ids}-password`}
            name="password"
            type={showPassword ? "text" : "password"}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setGenerated(false);
            }}
            autoComplete="new-password"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={tried && !passwordOk}
            aria-describedby={`${ids}-rules`}
            className={`${inputClass} mt-0 min-w-0 flex-1`}
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => setShowPassword((v) => !v)}
            aria-pressed={showPassword}
            aria-controls={`${ids}-password`}
            className="shrink-0"
          >
            {showPassword ? t("hide") : t("show")}
          </Button>
        </div>
        {generated && <p className="mt-1 text-xs text-stone-700">{t("generated")}</p>}
        <div className="mt-2">
          <PasswordRules id={`${ids}-rules`} password={password} policy={policy} isDefault={policyIsDefault} />
        </div>
        {tried && !passwordOk && (
          <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
            {t("weakPassword")}
          </p>
        )}
      </div>

      <div className="rounded-lg bg-brand-50 p-3 text-sm">
        <p className="font-semibold">{t("plan")}</p>
        <ol className="mt-1 list-decimal space-y-0.5 pl-5">
          <li>{t("planUser", { user: tidyUserName(userName) || t("userNamePlaceholderShort") })}</li>
          <li>{t("planPassword")}</li>
          <li>{t("planGroup")}</li>
        </ol>
        <p className="mt-2 text-xs text-stone-700">{t("planExisting")}</p>
        <Button type="submit" busy={pending} className="mt-3">
          {t("submit")}
        </Button>
      </div>
      {failure && <FailureMessage failure={serverNameProblem ? { ...failure, code: "user-name-invalid" } : failure} />}
    </form>
  );
}
