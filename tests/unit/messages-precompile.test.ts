import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
// next-intl's own compiler (its dependency), the one next.config.mjs's `precompile` runs at build.
import compile from "icu-minify/compile";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

// The build compiles every message (next-intl `precompile`, next.config.mjs) so no ICU parser
// ships to the browser. A message that does not compile fails the build; one whose text
// changes in compiling would change what attendees read. Without precompiling, next-intl shows
// a message without arguments as written unless it has ICU quotes ('{', '<' …), so that is
// what a compiled plain message must equal.
const repo = join(__dirname, "..", "..");
const root = join(repo, "messages");

/** Every step's texts: workshops/<workshop>/steps/<step>/<locale>.json. */
function stepFiles(locale: string): string[] {
  const workshops = join(repo, "workshops");
  return readdirSync(workshops, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((w) => {
      const steps = join(workshops, w.name, "steps");
      return readdirSync(steps).map((step) => join(steps, step, `${locale}.json`));
    });
}

type Tree = { [key: string]: string | Tree };
function* leaves(tree: Tree, path = ""): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const here = path ? `${path}.${key}` : key;
    if (typeof value === "string") yield [here, value];
    else yield* leaves(value, here);
  }
}

describe("messages compile ahead of time to the text shown today", () => {
  for (const locale of ["ja", "en"]) {
    const files = [
      ...readdirSync(join(root, locale))
        .filter((f) => f.endsWith(".json"))
        .map((f) => join(root, locale, f)),
      ...stepFiles(locale),
    ];
    for (const file of files) {
      it(relative(repo, file), () => {
        const tree = JSON.parse(readFileSync(file, "utf8")) as Tree;
        for (const [id, message] of leaves(tree)) {
          const compiled = compile(message);
          if (typeof compiled !== "string") continue; // has arguments or tags: formatted at render
          const shown = /'[{}<#|']/.test(message) ? String(new IntlMessageFormat(message, locale).format()) : message;
          expect(compiled, id).toBe(shown);
        }
      });
    }
  }
});
