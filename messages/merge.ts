type Tree = { [key: string]: string | Tree };

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Deep-merges message files; the same key in two files throws (at build and at start). */
export function mergeMessages<T extends object[]>(...files: T): UnionToIntersection<T[number]> {
  const out: Tree = {};
  const visit = (target: Tree, source: Tree, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const here = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (typeof value === "string") {
        if (existing !== undefined) throw new Error(`message ${here} is defined twice`);
        target[key] = value;
      } else {
        if (typeof existing === "string") throw new Error(`message ${here} is defined twice`);
        const branch: Tree = existing ?? {};
        target[key] = branch;
        visit(branch, value, here);
      }
    }
  };
  for (const file of files) visit(out, file as Tree, "");
  return out as UnionToIntersection<T[number]>;
}
