"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useWorkshop } from "@/components/workshop/WorkshopContext";
import { stepMeta } from "@/workshops";
import { useStep } from "@/components/workshop/useStep";
import { useFix } from "@/components/steps/useFix";
import { Outcome, StepLink } from "@/components/steps/NextStep";
import { StatusList } from "./StatusList";

export function AdminGroupBody() {
  const t = useTranslations("steps.admin-group");
  const { session } = useWorkshop();
  const { outcome, detail } = useStep("admin-group");
  const fix = useFix("admin-group");

  if (!detail) return null;
  const done = outcome?.state === "done";

  const run = async () => {
    // Step 5's card hears of the group with the fix's result (this step's `affects`).
    await fix.run({});
  };

  return (
    <div className="space-y-4">
      <StatusList
        label={t("statusLabel")}
        items={[
          { key: "group", label: t("group"), ok: detail.groupExists, value: detail.groupExists ? t("exists") : t("missing") },
          {
            key: "policy",
            label: t("policy"),
            ok: detail.policyAttached,
            value: detail.policyAttached ? t("attached") : t("notAttached"),
          },
        ]}
      />
      <p className="text-xs leading-relaxed text-stone-600">{t("handsOnOnly")}</p>

      {fix.result ? (
        <Outcome next={<StepLink id="iam-user">{t("next", { number: stepMeta("iam-user").number })}</StepLink>}>
          <ul className="list-disc space-y-1 pl-5">
            {fix.result.createdGroup && <li>{t("didCreate")}</li>}
            {fix.result.attachedPolicy && <li>{t("didAttach")}</li>}
            {!fix.result.createdGroup && !fix.result.attachedPolicy && <li>{t("didNothing")}</li>}
          </ul>
        </Outcome>
      ) : (
        done && <p className="text-sm text-emerald-800">{t("done")}</p>
      )}

      {session && !done && (
        <div className="space-y-3 rounded-xl bg-brand-50 p-4">
          <p className="text-sm font-semibold">{t("plan")}</p>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {!detail.groupExists && <li>{t("planCreate")}</li>}
            <li>{t("planAttach")}</li>
          </ol>
          <Button busy={fix.pending} onClick={run}>
            {detail.groupExists ? t("fixAttach") : t("fix")}
          </Button>
        </div>
      )}
      {fix.failure && <FailureMessage failure={fix.failure} />}
    </div>
  );
}
