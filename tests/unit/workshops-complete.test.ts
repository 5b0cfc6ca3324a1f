import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "@/messages";
import { isStepId, stepMeta, WORKSHOPS, type StepId } from "@/workshops";
import { serverStep } from "@/workshops/server";
import type { WorkshopDef } from "@/workshops/types";

// Every listed step has all its pieces (docs/AUTHORING.md): a step folder with meta, server
// side, card body and texts in both languages with the same keys, and entries in the maps.
const root = join(__dirname, "..", "..", "workshops");
const LOCALES = ["ja", "en"] as const;
const FILES = ["meta.ts", "server.ts", "Body.tsx", "ja.json", "en.json"];

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, path = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const here = path ? `${path}.${key}` : key;
    return typeof value === "string" ? [[here, value]] : leaves(value, here);
  });
}
const readJson = (path: string): Tree => JSON.parse(readFileSync(path, "utf8")) as Tree;
/** The ICU arguments a message takes: `{name}`, `{count, plural, …}` → name, count. */
const args = (text: string) => [...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]).sort();
/** A step number written into a text: it must come from the workshop's order instead. */
/** What the shared clean-up card and teardown page read from a workshop's clean-up step. */
const CLEAN_UP_KEYS = [
  "remaining",
  "open",
  "openAnyway",
  "doneAll",
  "nothingYet",
  "page.lead",
  "page.searching",
  "page.keptNote",
  "page.unchecked",
  "page.confirmNote",
  "manual.lead",
  "manual.keep",
];
const HARD_CODED_NUMBER = /手順 ?[0-9]|\bsteps? [0-9]/i;

function bodyKeys(workshopId: string): Set<string> {
  const path = join(root, workshopId, "bodies.ts");
  if (!existsSync(path)) return new Set();
  return new Set([...readFileSync(path, "utf8").matchAll(/^\s+"?([a-z0-9-]+)"?:\s*\w+,?$/gm)].map((m) => m[1]));
}

/** What a workshop lacks; empty when every step has every piece. */
function missingPieces(workshop: WorkshopDef): string[] {
  const problems: string[] = [];
  const parts = new Set(workshop.parts.map((p) => p.id));
  const ids = new Set(workshop.steps.map((s) => s.id));
  for (const step of workshop.steps) {
    const dir = join(root, workshop.id, "steps", step.id);
    for (const file of FILES) if (!existsSync(join(dir, file))) problems.push(`${step.id}: no ${file}`);
    if (!parts.has(step.part)) problems.push(`${step.id}: part ${step.part} is not one of the workshop's parts`);
    for (const other of step.affects ?? []) if (!ids.has(other)) problems.push(`${step.id}: affects ${other}, not a step of this workshop`);
    if (!isStepId(step.id)) {
      problems.push(`${step.id}: not in the workshop list (workshops/index.ts)`);
      continue;
    }
    if (serverStep(step.id as StepId)?.id !== step.id) problems.push(`${step.id}: no server step in workshops/server.ts`);
    // Bodies are client components (next-intl's navigation does not load here): their map is
    // read as text; `satisfies Record<…StepId, ComponentType>` there makes tsc check the types.
    if (!bodyKeys(workshop.id).has(step.id)) problems.push(`${step.id}: no card body in workshops/${workshop.id}/bodies.ts`);
    const texts = Object.fromEntries(
      LOCALES.filter((l) => existsSync(join(dir, `${l}.json`))).map((l) => [l, new Map(leaves(readJson(join(dir, `${l}.json`))))]),
    );
    if (Object.keys(texts).length < LOCALES.length) continue;
    for (const key of ["title", "short", "why"]) if (!texts.ja.has(key)) problems.push(`${step.id}: no ${key} text`);
    // A clean-up step's texts are what its card and the shared teardown page say (docs/AUTHORING.md).
    if (step.teardown) {
      for (const key of CLEAN_UP_KEYS) if (!texts.ja.has(key)) problems.push(`${step.id}: no ${key} text (a clean-up step)`);
      if (!texts.ja.has("manual.sections.1.title")) problems.push(`${step.id}: no manual.sections.1 (a clean-up step)`);
    }
    for (const [a, b] of [["ja", "en"], ["en", "ja"]]) {
      for (const key of texts[a].keys()) if (!texts[b].has(key)) problems.push(`${step.id}: ${key} in ${a} only`);
    }
    for (const [key, ja] of texts.ja) {
      const en = texts.en.get(key);
      if (en !== undefined && args(ja).join() !== args(en).join()) problems.push(`${step.id}: ${key} takes {${args(ja)}} in ja, {${args(en)}} in en`);
      for (const [locale, text] of [["ja", ja], ["en", en ?? ""]]) {
        if (HARD_CODED_NUMBER.test(text)) problems.push(`${step.id}: ${key} (${locale}) names a step number; use {number}`);
      }
    }
    for (const locale of LOCALES) {
      const merged = (messages[locale] as unknown as { steps: Record<string, unknown> }).steps[step.id];
      if (!merged) problems.push(`${step.id}: texts not merged into messages (workshops/messages.ts)`);
    }
  }
  for (const locale of LOCALES) {
    const own = (messages[locale] as unknown as { workshops?: Record<string, { description?: unknown }> }).workshops?.[workshop.id];
    if (typeof own?.description !== "string") problems.push(`no description text workshops.${workshop.id}.description (${locale})`);
  }
  for (const part of workshop.parts) {
    for (const locale of LOCALES) {
      const parts = (messages[locale] as unknown as { workshop: { parts: Record<string, unknown> } }).workshop.parts;
      if (typeof parts[part.id] !== "string") problems.push(`part ${part.id}: no heading text workshop.parts.${part.id} (${locale})`);
    }
  }
  if (workshop.steps.some((s) => s.billable) && !workshop.steps.some((s) => s.teardown)) {
    problems.push("billable steps but no clean-up step (trait `teardown`)");
  }
  return problems;
}

describe("workshops are complete", () => {
  for (const workshop of WORKSHOPS) {
    it(`${workshop.id}: every step has meta, server step, body and ja/en texts with the same keys`, () => {
      expect(missingPieces(workshop)).toEqual([]);
    });

    it(`${workshop.id}: numbers steps by their order`, () => {
      workshop.steps.forEach((s, i) => expect(stepMeta(s.id).number).toBe(i + 1));
    });
  }

  it("step ids are unique across workshops", () => {
    const ids = WORKSHOPS.flatMap((w) => w.steps.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("workshop ids are unique and each has its folder", () => {
    expect(new Set(WORKSHOPS.map((w) => w.id)).size).toBe(WORKSHOPS.length);
    for (const w of WORKSHOPS) expect(existsSync(join(root, w.id, "workshop.ts")), w.id).toBe(true);
  });

  it("fails a workshop whose step lacks a piece (the check itself)", () => {
    const [first] = WORKSHOPS;
    const broken: WorkshopDef = {
      ...first,
      steps: [...first.steps, { id: "no-such-step", billable: false, consoleOnly: false, part: "nowhere", consoleUrl: () => undefined }],
    };
    const problems = missingPieces(broken);
    for (const piece of ["no meta.ts", "no server.ts", "no Body.tsx", "no ja.json", "no en.json", "part nowhere", "not in the workshop list"]) {
      expect(problems.some((p) => p.startsWith("no-such-step") && p.includes(piece)), piece).toBe(true);
    }
  });
});
