import type { ResourceKindModule } from "./kind";

/**
 * The kinds in removal order: each after the kinds it names in `after` (those in the list),
 * otherwise in the order given. Throws on a cycle: no order would be safe.
 */
export function orderKinds<K extends ResourceKindModule>(kinds: readonly K[]): K[] {
  const names = new Set(kinds.map((k) => k.kind));
  const placed: K[] = [];
  const left = [...kinds];
  while (left.length > 0) {
    const i = left.findIndex((k) => (k.after ?? []).every((a) => !names.has(a) || placed.some((p) => p.kind === a)));
    if (i < 0) throw new Error(`teardown kinds order each other in a cycle: ${left.map((k) => k.kind).join(", ")}`);
    placed.push(...left.splice(i, 1));
  }
  return placed;
}
