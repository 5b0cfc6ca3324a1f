/**
 * What Hajime created in an account, by kind, name and region. Teardown removes what is
 * here (and what carries Hajime's tag) and nothing else. Names only: no ARNs, no keys.
 *
 * An entry stays after its resource is removed (marked removed), so that "something Hajime
 * made has been cleaned up" can be told apart from "Hajime never made anything".
 */

/** "budget" and "analyzer": the guardrails workshop's (workshops/guardrails/kinds). */
export type CreatedKind = "trail" | "bucket" | "detector" | "budget" | "analyzer";

/**
 * "created": Hajime made it, teardown deletes it. "re-enabled": it existed before (a
 * disabled GuardDuty detector) and Hajime only turned it on: teardown never deletes it.
 */
export type CreatedOrigin = "created" | "re-enabled";

export type CreatedResource = { kind: CreatedKind; name: string; region: string; origin?: CreatedOrigin };

export interface CreatedLedger {
  /** Records a resource as present (again). Keeps "created" over "re-enabled". */
  remember(resource: CreatedResource): Promise<void> | void;
  /** Records that the resource is gone (teardown removed it, or it was found missing). */
  forget(resource: CreatedResource): Promise<void> | void;
  /** Resources believed present. */
  list(): Promise<CreatedResource[]> | CreatedResource[];
  /** Resources recorded as removed. */
  removed(): Promise<CreatedResource[]> | CreatedResource[];
}

/** For tests and for sessions without persistence. */
export class MemoryLedger implements CreatedLedger {
  private items: (CreatedResource & { gone: boolean })[] = [];
  remember(r: CreatedResource) {
    const found = this.items.find((i) => same(i, r));
    const origin = r.origin ?? "created";
    if (!found) {
      this.items.push({ kind: r.kind, name: r.name, region: r.region, origin, gone: false });
      return;
    }
    found.gone = false;
    if (origin === "created") found.origin = "created";
  }
  forget(r: CreatedResource) {
    for (const i of this.items) if (same(i, r)) i.gone = true;
  }
  list() {
    return this.items.filter((i) => !i.gone).map(({ gone: _, ...i }) => ({ ...i }));
  }
  removed() {
    return this.items.filter((i) => i.gone).map(({ gone: _, ...i }) => ({ ...i }));
  }
}

export function same(a: CreatedResource, b: CreatedResource): boolean {
  return a.kind === b.kind && a.name === b.name && a.region === b.region;
}
