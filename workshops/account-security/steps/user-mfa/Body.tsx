"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState, useTransition } from "react";
import { startUserMfa } from "@/lib/aws/actions";
import { minutesLeft, timeForMfaSetup } from "@/lib/credentials/expiry";
import { reachServer, type Failure } from "@/lib/result";
import type { ConsoleUserMfa } from "./server";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { stepMeta } from "@/workshops";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";
import { MfaSetup, type MfaDevice } from "./MfaSetup";
import { Outcome, StepLink } from "@/components/steps/NextStep";

export function UserMfaBody() {
  const t = useTranslations("steps.user-mfa");
  const { session, refresh, handleFailure } = useWorkshop();
  const { outcome, detail } = useStep("user-mfa");
  const fix = useFix("user-mfa");
  const [starting, startTransition] = useTransition();
  const [startFailure, setStartFailure] = useState<Failure | null>(null);
  // The seed lives in this component's state until MFA is on, and nowhere else.
  const [device, setDevice] = useState<MfaDevice | null>(null);
  const [already, setAlready] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const radioName = useId();

  // The device went away under us (deleted in the console, say): its QR is useless now.
  const gone = fix.failure?.code === "mfa-device-gone" || fix.failure?.code === "mfa-device-in-use";
  useEffect(() => {
    if (gone) setDevice(null);
  }, [gone]);

  if (!detail) return null;
  const lacking = detail.users.filter((u) => !u.mfa);
  // Admins first: they are the users step 5 made.
  const candidates = [...lacking.filter((u) => u.admin), ...lacking.filter((u) => !u.admin)];
  const selected = candidates.find((u) => u.name === chosen)?.name ?? candidates[0]?.name;
  const hasConsoleUser = detail.users.length > 0;
  const keysOnlyAdmins = detail.keysOnlyAdmins ?? [];

  const start = () => {
    if (!selected || !session) return;
    setStartFailure(null);
    setAlready(null);
    fix.clearFailure();
    // A device made now could not be enabled before the credentials expire (the server says so too).
    if (!timeForMfaSetup(session)) {
      setStartFailure({ ok: false, code: "credentials-expire-soon", params: { minutes: minutesLeft(session) } });
      return;
    }
    startTransition(async () => {
      const res = await reachServer(() => startUserMfa({ userName: selected }));
      if (!res.ok) {
        if (!handleFailure(res)) setStartFailure(res);
        return;
      }
      if (res.data.state === "already-enabled") {
        setAlready(res.data.userName);
        void refresh("user-mfa");
        return;
      }
      setDevice({ userName: res.data.userName, serialNumber: res.data.serialNumber, secret: res.data.secret, account: res.data.account });
    });
  };

  const enable = async (codes: { code1: string; code2: string }) => {
    if (!device) return false;
    const ok = await fix.run({ userName: device.userName, serialNumber: device.serialNumber, ...codes });
    if (ok) setDevice(null);
    return ok;
  };

  return (
    <div className="space-y-4">
      {detail.users.length > 0 && <UserTable users={detail.users} />}
      {outcome?.state !== "done" && detail.users.length > 0 && <p className="text-xs text-stone-600">{t("rule")}</p>}

      {!hasConsoleUser && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("noUsers", { number: stepMeta("iam-user").number })}{" "}
          <StepLink id="iam-user">{t("goToStep5", { number: stepMeta("iam-user").number })}</StepLink>
        </p>
      )}
      {keysOnlyAdmins.length > 0 && (
        <p className="rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-xs text-stone-700" data-testid="keys-only-admins">
          {t("keysOnlyAdmins", { users: keysOnlyAdmins.join(", "), count: keysOnlyAdmins.length })}
        </p>
      )}

      {fix.result && !device && (
        <Outcome next={t("afterward", { user: fix.result.userName })}>
          <p>{fix.result.alreadyEnabled ? t("alreadyEnabled", { user: fix.result.userName }) : t("did", { user: fix.result.userName })}</p>
        </Outcome>
      )}
      {already && <Outcome>{t("alreadyEnabled", { user: already })}</Outcome>}

      {outcome?.state === "done" && !fix.result && <p className="text-sm text-emerald-800">{t("done")}</p>}

      {session && device && (
        <MfaSetup
          device={device}
          pending={fix.pending}
          failure={fix.failure}
          onEnable={enable}
          onCancel={() => {
            setDevice(null);
            fix.clearFailure();
          }}
        />
      )}

      {session && !device && hasConsoleUser && candidates.length > 0 && (
        <div className="space-y-3 rounded-xl bg-brand-50 p-4">
          {candidates.length > 1 ? (
            <fieldset>
              <legend className="text-sm font-semibold">{t("chooseUser")}</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {candidates.map((u) => (
                  <label
                    key={u.name}
                    className="flex min-h-10 cursor-pointer items-center gap-2 rounded-lg border border-stone-500 bg-white px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-700"
                  >
                    <input type="radio" className="h-5 w-5 shrink-0 accent-brand-700" name={radioName} value={u.name} checked={selected === u.name} onChange={() => setChosen(u.name)} />
                    <span className="font-mono">{u.name}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <p className="text-sm">{t("plan", { user: selected ?? "" })}</p>
          <Button busy={starting} onClick={start} data-testid="mfa-start">
            {t("start", { user: selected ?? "" })}
          </Button>
        </div>
      )}
      {startFailure && <FailureMessage failure={startFailure} />}
      {!device && fix.failure && <FailureMessage failure={fix.failure} />}
    </div>
  );
}

function UserTable({ users }: { users: ConsoleUserMfa[] }) {
  const t = useTranslations("steps.user-mfa");
  return (
    <div>
      <table className="w-full text-sm [overflow-wrap:anywhere]" data-testid="mfa-users">
        <caption className="sr-only">{t("usersCaption")}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left text-xs text-stone-600">
            <th scope="col" className="py-2 pr-3 font-medium">{t("user")}</th>
            <th scope="col" className="py-2 font-medium">{t("mfa")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name} className="border-b border-stone-100" data-user={u.name} data-mfa={u.mfa}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <span className="font-mono">{u.name}</span>
                {u.admin && (
                  <span className="ml-2 rounded-full border border-stone-300 bg-stone-50 px-2 py-0.5 text-xs text-stone-700">admin</span>
                )}
              </th>
              <td className={`py-2 font-semibold ${u.mfa ? "text-emerald-800" : "text-amber-800"}`}>
                <span aria-hidden="true">{u.mfa ? "✓ " : "✗ "}</span>
                {u.mfa ? t("mfaOn") : t("mfaOff")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
