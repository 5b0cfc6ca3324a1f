// A leaf is a message: its text in the JSON file, or what the build compiled it to (next-intl's
// `precompile`, next.config.mjs: a string, or an array for a message with arguments).
type Leaf = string | unknown[];
type Tree = { [key: string]: Leaf | Tree };
const isLeaf = (value: unknown): value is Leaf => typeof value === "string" || Array.isArray(value);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Deep-merges message files; the same key in two files throws (at build and at start). */
export function mergeMessages<T extends object[]>(...files: T): UnionToIntersection<T[number]> {
  const out: Tree = {};
  const visit = (target: Tree, source: Tree, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const here = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (isLeaf(value)) {
        if (existing !== undefined) throw new Error(`message ${here} is defined twice`);
        target[key] = value;
      } else {
        if (isLeaf(existing)) throw new Error(`message ${here} is defined twice`);
        const branch: Tree = existing ?? {};
        target[key] = branch;
        visit(branch, value, here);
      }
    }
  };
  for (const file of files) visit(out, file as Tree, "");
  return out as UnionToIntersection<T[number]>;
}
