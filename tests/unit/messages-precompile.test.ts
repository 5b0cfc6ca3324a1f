import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
// next-intl's own compiler (its dependency), the one next.config.mjs's `precompile` runs at build.
import compile from "icu-minify/compile";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

// The build compiles every message (next-intl `precompile`, next.config.mjs) so no ICU parser
// ships to the browser. A message that does not compile fails the build; one whose text
// changes in compiling would change what attendees read. Without precompiling, next-intl shows
// a message without arguments as written unless it has ICU quotes ('{', '<' …), so that is
// what a compiled plain message must equal.
const root = join(__dirname, "..", "..", "messages");

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
    for (const file of readdirSync(join(root, locale)).filter((f) => f.endsWith(".json"))) {
      it(`${locale}/${file}`, () => {
        const tree = JSON.parse(readFileSync(join(root, locale, file), "utf8")) as Tree;
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
