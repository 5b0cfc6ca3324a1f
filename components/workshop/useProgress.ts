"use client";

import { useState } from "react";
import type { StepId } from "@/lib/workshop/catalog";
import { progressCount, type Progress } from "@/lib/workshop/progress";
import { useWorkshop } from "./WorkshopContext";

const NONE: ReadonlySet<StepId> = new Set();

/**
 * The page's progress count (lib/workshop/progress.ts): steps verified done now, plus those
 * this page saw verified earlier for the same account, so that tearing down steps 7–9's
 * resources does not take them back off the count, as it does not on the board.
 */
export function useProgress(): Progress {
  const { outcomes, steps, session } = useWorkshop();
  const account = session?.identity.account ?? null;
  const [seen, setSeen] = useState<{ account: string | null; ids: ReadonlySet<StepId> }>({ account, ids: NONE });
  const remembered = seen.account === account ? seen.ids : NONE;
  const doneNow = steps.filter((id) => outcomes[id]?.state === "done");
  // Remembered while rendering, not one render late in an effect; only when something is new.
  if (seen.account !== account || doneNow.some((id) => !remembered.has(id))) {
    setSeen({ account, ids: new Set([...remembered, ...doneNow]) });
  }
  return progressCount(steps, (id) => doneNow.includes(id) || remembered.has(id));
}
