"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { stepMeta } from "@/workshops";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";
import { IamUserForm } from "./IamUserForm";
import { Outcome, StepLink } from "@/components/steps/NextStep";
import { SignInDetails } from "./SignInDetails";

export function IamUserBody() {
  const t = useTranslations("steps.iam-user");
  const { session, refresh } = useWorkshop();
  const { outcome, detail } = useStep("iam-user");
  const fix = useFix("iam-user");
  // The password typed in this page: kept here only, for the CSV. Never sent back by the server.
  const [fresh, setFresh] = useState<{ userName: string; password: string } | null>(null);

  if (!detail) return null;
  const done = outcome?.state === "done";

  const submit = async (input: { userName: string; password: string }) => {
    setFresh(null);
    const succeeded = await fix.run(input);
    // Step 6 comes back re-checked with a successful fix (`affects`).
    if (succeeded) {
      setFresh(input);
    } else {
      // The policy or the group may have changed since the page read them.
      void refresh("iam-user");
    }
    return succeeded;
  };

  const form = (
    <IamUserForm
      policy={detail.passwordPolicy}
      policyIsDefault={detail.policyIsDefault}
      pending={fix.pending}
      failure={fix.failure}
      onSubmit={submit}
    />
  );

  return (
    <div className="space-y-4">
      {detail.consoleAdmins.length > 0 && (
        <div className="text-sm">
          <p className="font-semibold">{t("consoleAdmins")}</p>
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="console-admins">
            {detail.consoleAdmins.map((name) => (
              <li key={name} className="rounded-full border border-emerald-300 bg-emerald-50 px-3 py-0.5 font-mono text-emerald-900">
                {name}
              </li>
            ))}
          </ul>
        </div>
      )}
      {detail.adminsWithoutPassword.length > 0 && (
        <div className="text-sm text-stone-700">
          <p>{t("adminsWithoutPassword")}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {detail.adminsWithoutPassword.map((name) => (
              <li key={name} className="rounded-full border border-stone-300 bg-stone-50 px-3 py-0.5 font-mono">
                {name}
              </li>
            ))}
          </ul>
        </div>
      )}

      {fix.result && fresh && (
        <Outcome next={<StepLink id="user-mfa">{t("next", { number: stepMeta("user-mfa").number })}</StepLink>}>
          <ul className="list-disc space-y-1 pl-5">
            <li>{fix.result.createdUser ? t("didCreateUser", { user: fix.result.userName }) : t("userExisted", { user: fix.result.userName })}</li>
            <li>{fix.result.consolePassword === "created" ? t("didSetPassword") : t("didReplacePassword")}</li>
            <li>{fix.result.addedToGroup ? t("didAddToGroup") : t("wasInGroup")}</li>
          </ul>
        </Outcome>
      )}

      {session && done && <SignInDetails fresh={fresh ?? undefined} />}

      {session && !detail.groupExists && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("groupMissing", { number: stepMeta("admin-group").number })}{" "}
          <StepLink id="admin-group">{t("goToStep4", { number: stepMeta("admin-group").number })}</StepLink>
        </p>
      )}

      {session && detail.groupExists && !done && <div className="rounded-xl border border-stone-200 p-4">{form}</div>}
      {session && detail.groupExists && done && (
        <details className="rounded-xl border border-stone-200 p-4">
          <summary className="cursor-pointer py-1 text-sm font-semibold">{t("another")}</summary>
          <div className="mt-4">{form}</div>
        </details>
      )}
      {fix.failure && !detail.groupExists && <FailureMessage failure={fix.failure} />}
    </div>
  );
}
