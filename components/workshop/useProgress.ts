"use client";

import { useEffect, useState } from "react";
import type { StepId } from "@/lib/workshop/catalog";
import { progressCount, type Progress } from "@/lib/workshop/progress";
import { useWorkshop } from "./WorkshopContext";

/**
 * The page's progress count (lib/workshop/progress.ts): steps verified done now, plus those
 * this page saw verified earlier for the same account, so that tearing down steps 7–9's
 * resources does not take them back off the count, as it does not on the board.
 */
export function useProgress(): Progress {
  const { outcomes, steps, session } = useWorkshop();
  const account = session?.identity.account ?? null;
  const [seen, setSeen] = useState<{ account: string | null; ids: ReadonlySet<StepId> }>({ account, ids: new Set() });
  const remembered = seen.account === account ? seen.ids : new Set<StepId>();
  const doneNow = (id: StepId) => outcomes[id]?.state === "done";

  useEffect(() => {
    const now = steps.filter((id) => outcomes[id]?.state === "done");
    setSeen((prev) => {
      const ids = prev.account === account ? prev.ids : new Set<StepId>();
      if (prev.account === account && now.every((id) => ids.has(id))) return prev;
      return { account, ids: new Set([...ids, ...now]) };
    });
  }, [outcomes, steps, account]);

  return progressCount(steps, (id) => doneNow(id) || remembered.has(id));
}
