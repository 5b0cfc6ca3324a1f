/**
 * What Hajime created in an account, by kind, name and region. Teardown removes what is
 * here (and what carries Hajime's tag) and nothing else. Names only: no ARNs, no keys.
 */

export type CreatedKind = "trail" | "bucket" | "detector";

export type CreatedResource = { kind: CreatedKind; name: string; region: string };

export interface CreatedLedger {
  remember(resource: CreatedResource): Promise<void> | void;
  forget(resource: CreatedResource): Promise<void> | void;
  list(): Promise<CreatedResource[]> | CreatedResource[];
}

/** For tests and for sessions without persistence. */
export class MemoryLedger implements CreatedLedger {
  private items: CreatedResource[] = [];
  remember(r: CreatedResource) {
    if (!this.items.some((i) => same(i, r))) this.items.push({ ...r });
  }
  forget(r: CreatedResource) {
    this.items = this.items.filter((i) => !same(i, r));
  }
  list() {
    return this.items.map((i) => ({ ...i }));
  }
}

export function same(a: CreatedResource, b: CreatedResource): boolean {
  return a.kind === b.kind && a.name === b.name && a.region === b.region;
}
