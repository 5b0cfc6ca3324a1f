import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every server action under lib/ that needs a session goes through sessionAction
 * (lib/actions/session-action.ts). This reads every 'use server' file's exports: each is
 * `export const name = sessionAction({ ... })`, or is listed below as needing no session,
 * with the reason. A `rateLimit: "none"` must carry a comment saying why.
 */

const root = join(__dirname, "..", "..");

/** Actions that work without a signed-in session, and why. */
const SESSION_FREE: Record<string, Record<string, string>> = {
  "lib/credentials/actions.ts": {
    signIn: "makes the session (admission has its own limits)",
    signOut: "ends whatever session the cookie names, or none",
  },
  "lib/rooms/actions.ts": {
    createRoom: "organizer action: no AWS session (rate-limited per address)",
    findRoom: "landing form: looks a code up (unknown codes counted per address)",
    joinRoom: "uses the session when there is one, else signs in with the pasted credentials",
    forgetRoom: "clears this browser's room cookie",
    claimOrganizer: "organizer key for a cookie (rate-limited per address)",
    removeAttendee: "organizer action (organizer cookie)",
    setLocked: "organizer action (organizer cookie)",
    announce: "organizer action (organizer cookie)",
    setStuckMinutes: "organizer action (organizer cookie)",
    setMaxPerAccount: "organizer action (organizer cookie)",
    restartClock: "organizer action (organizer cookie)",
    closeRoom: "organizer action (organizer cookie)",
    exportIsStale: "organizer action (organizer cookie)",
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function isUseServer(file: ts.SourceFile): boolean {
  for (const statement of file.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

type Export = { name: string; wrapped: boolean; problems: string[] };

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The exports of one 'use server' file, and what is wrong with each. */
function exportsOf(file: ts.SourceFile): Export[] {
  const found: Export[] = [];
  for (const statement of file.statements) {
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) continue;
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      found.push({ name: statement.getText(file).slice(0, 60), wrapped: false, problems: ["re-exports and default exports hide what an action is"] });
      continue;
    }
    if (!hasExport(statement)) continue;
    if (ts.isFunctionDeclaration(statement)) {
      found.push({ name: statement.name?.text ?? "(anonymous)", wrapped: false, problems: [] });
      continue;
    }
    if (!ts.isVariableStatement(statement)) {
      found.push({ name: statement.getText(file).slice(0, 60), wrapped: false, problems: ["not an action"] });
      continue;
    }
    for (const decl of statement.declarationList.declarations) {
      const name = decl.name.getText(file);
      const init = decl.initializer;
      const wrapped = !!init && ts.isCallExpression(init) && init.expression.getText(file) === "sessionAction";
      const problems: string[] = [];
      if (wrapped) {
        const spec = (init as ts.CallExpression).arguments[0];
        if (!spec || !ts.isObjectLiteralExpression(spec)) problems.push("sessionAction's spec is not written in place");
        else {
          const rate = spec.properties.find((p) => p.name?.getText(file) === "rateLimit");
          if (!rate || !ts.isPropertyAssignment(rate)) problems.push("no rateLimit");
          else if (rate.initializer.getText(file) === '"none"') {
            const comments = ts.getLeadingCommentRanges(file.text, rate.getFullStart()) ?? [];
            if (comments.length === 0) problems.push('rateLimit "none" without a comment saying why');
          }
        }
      }
      found.push({ name, wrapped, problems });
    }
  }
  return found;
}

const files = sourceFiles(join(root, "lib"))
  .map((path) => ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true))
  .filter(isUseServer);

describe("every session action goes through sessionAction", () => {
  it("finds the action files", () => {
    const names = files.map((f) => relative(root, f.fileName)).sort();
    expect(names).toEqual(["lib/aws/actions.ts", "lib/aws/teardown/actions.ts", "lib/credentials/actions.ts", "lib/rooms/actions.ts"]);
  });

  it("wraps every exported action, or lists it as needing no session", () => {
    const wrong: string[] = [];
    const listed = new Set<string>();
    for (const file of files) {
      const path = relative(root, file.fileName);
      const free = SESSION_FREE[path] ?? {};
      const importsWrapper = file.statements.some(
        (s) => ts.isImportDeclaration(s) && (s.moduleSpecifier as ts.StringLiteral).text === "@/lib/actions/session-action",
      );
      for (const e of exportsOf(file)) {
        for (const p of e.problems) wrong.push(`${path} ${e.name}: ${p}`);
        if (e.wrapped && !importsWrapper) wrong.push(`${path} ${e.name}: sessionAction is not lib/actions/session-action's`);
        if (e.wrapped && free[e.name]) wrong.push(`${path} ${e.name}: wrapped, yet listed as needing no session`);
        if (!e.wrapped && !free[e.name]) wrong.push(`${path} ${e.name}: neither sessionAction nor listed as needing no session`);
        if (free[e.name]) listed.add(`${path} ${e.name}`);
      }
    }
    // A listed action that no longer exists would let a new one of that name through unseen.
    for (const [path, names] of Object.entries(SESSION_FREE)) {
      for (const name of Object.keys(names)) if (!listed.has(`${path} ${name}`)) wrong.push(`${path} ${name}: listed, but not exported`);
    }
    expect(wrong).toEqual([]);
  });

  it("sees an action written by hand, and a limit left off without a reason", () => {
    const file = ts.createSourceFile(
      "lib/x/actions.ts",
      `"use server";
import { sessionAction } from "@/lib/actions/session-action";
export async function byHand() { return currentSession(); }
export const quiet = sessionAction({ args: z.tuple([]), rateLimit: "none", budget: "no-aws", run });
export const stated = sessionAction({
  args: z.tuple([]),
  // No limit: a reason.
  rateLimit: "none",
  budget: "no-aws",
  run,
});
export type Fine = string;`,
      ts.ScriptTarget.Latest,
      true,
    );
    expect(isUseServer(file)).toBe(true);
    expect(exportsOf(file)).toEqual([
      { name: "byHand", wrapped: false, problems: [] },
      { name: "quiet", wrapped: true, problems: ['rateLimit "none" without a comment saying why'] },
      { name: "stated", wrapped: true, problems: [] },
    ]);
  });
});
