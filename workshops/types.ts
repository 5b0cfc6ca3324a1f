/**
 * What a workshop and its steps are, as plain data: safe to import in the browser (no imports
 * of server code). The server side of a step and its card body are looked up by id in
 * workshops/server.ts and workshops/bodies.ts.
 */

/** Text in each of the workshop's languages, for the few strings that belong to the data file. */
export type Localized = { ja: string; en: string };

/** One step, as the browser and the rooms see it. Its number comes from its place in the workshop. */
export type StepMeta<Id extends string = string, Part extends string = string> = {
  id: Id;
  /** The step makes something AWS charges for (the card and the outline say so). */
  billable: boolean;
  /** Only the console can do it (root credentials needed): the card walks through it. */
  consoleOnly: boolean;
  /** Which of the workshop's parts it belongs to (a heading above its first step). */
  part: Part;
  consoleUrl: (region: string) => string | undefined;
  /**
   * The workshop's clean-up: checked like any step, but it has its own page (no re-check
   * button on its card: its check looks everywhere on that page).
   */
  teardown?: boolean;
  /** Counts toward progress and the board ("3 / 10"). Default true. */
  counted?: boolean;
  /**
   * Steps whose check may read differently after this step's fix succeeds: the fix action
   * re-checks them and returns their outcomes with its own (lib/aws/run.ts).
   */
  affects?: readonly string[];
};

/** A part of a workshop: a heading over its steps (the text is `workshop.parts.<id>`). */
export type PartDef<Part extends string = string> = { id: Part };

export type WorkshopDef<Id extends string = string, S extends StepMeta = StepMeta> = {
  id: Id;
  title: Localized;
  languages: readonly ("ja" | "en")[];
  durationMinutes: number;
  parts: readonly PartDef<S["part"]>[];
  /** The steps in the hands-on's order: step numbers are their places here (1-based). */
  steps: readonly S[];
};

/** A step's meta with its place in its workshop. */
export type NumberedStep<S extends StepMeta = StepMeta> = S & { number: number; workshop: string };
