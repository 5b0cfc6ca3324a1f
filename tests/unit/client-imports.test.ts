import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What runs in the browser must not pull in zod, the AWS SDK or server-only code: they would
// ship to every attendee (zod alone is ~40 KB of gzipped JS; bench/bundle measures pages) or
// fail the build. This walks the static import graph from every 'use client' module under
// components/ and app/ (nor may it reach lib/aws other than its 'use server' actions): value imports, re-exports and dynamic import() are followed; type-only
// imports are not (TypeScript erases them); modules marked 'use server' are not entered (the
// browser gets a reference to the action, not its code).

const root = join(__dirname, "..", "..");
const FORBIDDEN_PACKAGES = [/^zod(\/|$)/, /^@aws-sdk\//, /^@smithy\//, /^server-only$/, /^better-sqlite3$/, /^rate-limiter-flexible$/, /^csv-stringify(\/|$)/];
const NODE_BUILTINS = new Set(builtinModules);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function directive(source: ts.SourceFile): string | undefined {
  const first = source.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)) return first.expression.text;
  return undefined;
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The module specifiers this file loads at runtime. */
function runtimeImports(source: ts.SourceFile): string[] {
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) found.push(statement.moduleSpecifier.text);
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const exports = statement.exportClause;
      const typeOnly =
        statement.isTypeOnly || (exports !== undefined && ts.isNamedExports(exports) && exports.elements.length > 0 && exports.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) found.push(statement.moduleSpecifier.text);
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? join(root, specifier.slice(2)) : join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every forbidden import reachable from `entry`, with the chain of files that leads to it. */
function forbiddenFrom(entry: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (/\.json$/.test(file)) return;
    const source = parse(file);
    if (file !== entry && directive(source) === "use server") return;
    const here = [...chain, relative(root, file)];
    // lib/aws is the server's side of AWS (SDK clients, error tables, steps): the browser
    // reaches it only through its 'use server' actions, and takes shared types from lib/result.
    if (file !== entry && relative(root, file).startsWith("lib/aws/")) {
      problems.push(here.join(" → "));
      return;
    }
    for (const specifier of runtimeImports(source)) {
      if (specifier.startsWith(".") || specifier.startsWith("@/")) {
        const target = resolveLocal(file, specifier);
        if (!target) problems.push(`${here.join(" → ")} → ${specifier} (not found)`);
        else walk(target, here);
        continue;
      }
      const bare = specifier.replace(/^node:/, "");
      if (specifier.startsWith("node:") || NODE_BUILTINS.has(bare) || FORBIDDEN_PACKAGES.some((p) => p.test(specifier))) {
        problems.push(`${here.join(" → ")} → ${specifier}`);
      }
    }
  };
  walk(entry, []);
  return problems;
}

const clientEntries = [...filesUnder(join(root, "components")), ...filesUnder(join(root, "app")), ...filesUnder(join(root, "workshops"))].filter((f) => directive(parse(f)) === "use client");

describe("client components import nothing server-side", () => {
  it("finds the client components", () => {
    expect(clientEntries.length).toBeGreaterThan(30);
  });

  for (const entry of clientEntries) {
    it(relative(root, entry), () => {
      expect(forbiddenFrom(entry)).toEqual([]);
    });
  }

  it("catches zod, the SDK and server-only modules (the check itself)", () => {
    // lib/aws/errors.ts holds SDK middleware; lib/aws/input-schemas.ts is zod; lib/rooms/urls.ts is server-only.
    for (const module of ["lib/aws/input-schemas.ts", "lib/rooms/urls.ts", "lib/aws/clients.ts", "lib/credentials/sign-in.ts"]) {
      expect(forbiddenFrom(join(root, module)).length, module).toBeGreaterThan(0);
    }
  });
});
