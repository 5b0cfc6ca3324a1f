import { useTranslations } from "next-intl";
import { teardownStepOf, type WorkshopId } from "@/workshops";

/**
 * Where a workshop's clean-up texts live: its clean-up step's namespace (`steps.<id>`), which
 * holds what names the workshop's own resources (the page's lead, the manual steps, its kinds'
 * names). The teardown page and card are shared by every workshop; these texts are not.
 */
export function teardownTextsOf(workshop: WorkshopId): string {
  const id = teardownStepOf(workshop);
  if (!id) throw new Error(`workshop ${workshop} has no clean-up step`);
  return `steps.${id}`;
}

/** A kind's name as the page shows it: the workshop's own text first, else the shared `resources.<kind>`. */
export function useResourceName(workshop: WorkshopId): (kind: string) => string {
  const t = useTranslations();
  const ns = teardownTextsOf(workshop);
  return (kind) => (t.has(`${ns}.resources.${kind}`) ? t(`${ns}.resources.${kind}`) : t(`resources.${kind}`));
}
