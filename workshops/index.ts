import { accountSecurity } from "./account-security/workshop";
import { guardrails } from "./guardrails/workshop";
import type { StepMeta, WorkshopDef } from "./types";

/**
 * THE workshop list, browser-safe: every workshop Hajime offers, in display order. A new
 * workshop is one folder (workshops/<id>/) and one entry here, in workshops/server.ts,
 * workshops/bodies.ts and workshops/messages.ts (docs/AUTHORING.md).
 */
export const WORKSHOPS = [accountSecurity, guardrails] as const satisfies readonly WorkshopDef[];

export type Workshop = (typeof WORKSHOPS)[number];
export type WorkshopId = Workshop["id"];
/** Every step id of every workshop (ids are unique across workshops). */
export type StepId = Workshop["steps"][number]["id"];
/** Every workshop's clean-up step (the `teardown` trait). */
export type TeardownStepId = Extract<Workshop["steps"][number], { teardown: true }>["id"];
/** The steps of one workshop. */
export type StepIdOf<W extends WorkshopId> = Extract<Workshop, { id: W }>["steps"][number]["id"];

/** The workshop a room or page without one runs. */
export const DEFAULT_WORKSHOP_ID: WorkshopId = "account-security";

/** A step with its place in its workshop. */
export type NumberedStepMeta = StepMeta<StepId> & { number: number; workshop: WorkshopId };

const byStep = new Map<string, NumberedStepMeta>();
for (const workshop of WORKSHOPS as readonly WorkshopDef[]) {
  workshop.steps.forEach((step, i) => {
    if (byStep.has(step.id)) throw new Error(`step id ${step.id} is in two workshops`);
    byStep.set(step.id, { ...(step as StepMeta<StepId>), number: i + 1, workshop: workshop.id as WorkshopId });
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

/** A workshop's clean-up step (the `teardown` trait): its card, and the texts of its teardown page. */
export function teardownStepOf(workshopId: WorkshopId): StepId | undefined {
  return stepsOf(workshopId).find((id) => stepMeta(id).teardown);
}

/** The number of a workshop's clean-up step (the `teardown` trait), for texts that send attendees there. */
export function teardownNumber(workshopId: WorkshopId): number | undefined {
  const id = teardownStepOf(workshopId);
  return id && stepMeta(id).number;
}

/** The first and last billable steps' numbers, for the billing note ("steps 7–9"). */
export function billableRange(workshopId: WorkshopId): { from: number; to: number } | undefined {
  const numbers = stepsOf(workshopId).map(stepMeta).filter((s) => s.billable).map((s) => s.number);
  return numbers.length ? { from: Math.min(...numbers), to: Math.max(...numbers) } : undefined;
}

