import { accountSecurity } from "./account-security/workshop";
import type { NumberedStep, StepMeta, WorkshopDef } from "./types";

/**
 * THE workshop list, browser-safe: every workshop Hajime offers, in display order. A new
 * workshop is one folder (workshops/<id>/) and one entry here, in workshops/server.ts,
 * workshops/bodies.ts and workshops/messages.ts (docs/AUTHORING.md).
 */
export const WORKSHOPS = [accountSecurity] as const satisfies readonly WorkshopDef[];

export type Workshop = (typeof WORKSHOPS)[number];
export type WorkshopId = Workshop["id"];
/** Every step id of every workshop (ids are unique across workshops). */
export type StepId = Workshop["steps"][number]["id"];
/** The steps of one workshop. */
export type StepIdOf<W extends WorkshopId> = Extract<Workshop, { id: W }>["steps"][number]["id"];

/** The workshop a room or page without one runs. */
export const DEFAULT_WORKSHOP_ID: WorkshopId = "account-security";

export type NumberedStepMeta = NumberedStep<StepMeta<StepId>>;

const byStep = new Map<string, NumberedStepMeta>();
for (const workshop of WORKSHOPS as readonly WorkshopDef[]) {
  workshop.steps.forEach((step, i) => {
    if (byStep.has(step.id)) throw new Error(`step id ${step.id} is in two workshops`);
    byStep.set(step.id, { ...(step as StepMeta<StepId>), number: i + 1, workshop: workshop.id });
  });
}

export function workshopById(id: string): Workshop | undefined {
  return WORKSHOPS.find((w) => w.id === id);
}

export function isWorkshopId(value: unknown): value is WorkshopId {
  return typeof value === "string" && workshopById(value) !== undefined;
}

/** A workshop's step ids in its order. */
export function stepsOf(workshopId: WorkshopId): StepId[] {
  const workshop = workshopById(workshopId);
  if (!workshop) throw new Error(`unknown workshop ${workshopId}`);
  return workshop.steps.map((s) => s.id);
}

/** Any workshop's step, with its number (its place in its workshop). */
export function stepMeta(id: StepId): NumberedStepMeta {
  const meta = byStep.get(id);
  if (!meta) throw new Error(`unknown step ${id}`);
  return meta;
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && byStep.has(value);
}

/** The steps whose checks a successful fix of `id` may change (its `affects` trait). */
export function affectedBy(id: StepId): StepId[] {
  return ((stepMeta(id).affects ?? []) as readonly string[]).filter(isStepId);
}

/** The steps that count toward progress and the board's "finished" (the `counted` trait, default true). */
export function countedSteps(steps: readonly StepId[]): StepId[] {
  return steps.filter((id) => stepMeta(id).counted !== false);
}
