import "server-only";
import type { Aws } from "./clients";

/**
 * Facts about an account that only change when someone acts on purpose, mostly through
 * Hajime itself: the sample findings of a detector (step 9) and Hajime's unused virtual MFA
 * devices (step 10). "check all" runs every few seconds; these are read once a minute at
 * most, and read again at once after anything Hajime changes in the account (every fix,
 * step 6's start, every teardown removal), whoever in the room made the change.
 *
 * Kept per set of keys (the session's), never per account: two attendees sharing an
 * account may not be allowed the same reads, so nothing read with one's credentials is
 * answered to the other. Only successful reads are kept.
 */
export const FACTS_TTL_MS = 60_000;

/**
 * An answer on its way (`pending`), then the answer itself: a promise made in a request
 * would keep that request's context alive as long as it is kept (lib/lifecycle.ts).
 */
type Entry = { at: number; generation: string; pending?: Promise<unknown>; value?: unknown };

const KEY = Symbol.for("hajime.aws.accountFacts");
type Store = { facts: WeakMap<object, Map<string, Entry>>; generations: Map<string, number>; epoch: number };
const g = globalThis as unknown as Record<symbol, Store | undefined>;
const store: Store = (g[KEY] ??= { facts: new WeakMap(), generations: new Map(), epoch: 0 });

/** Accounts whose changes are counted; past it the oldest is dropped and every kept fact goes stale. */
const MAX_ACCOUNTS = 20_000;

const generation = (accountId: string) => `${store.epoch}.${store.generations.get(accountId) ?? 0}`;

/**
 * `read()`, or its answer from less than FACTS_TTL_MS ago if nothing changed in the account
 * since. `keep` says which answers are worth keeping (a step still to do is read every time).
 */
export function remembered<T>(aws: Aws, key: string, read: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
  let facts = store.facts.get(aws.credentialScope);
  if (!facts) store.facts.set(aws.credentialScope, (facts = new Map()));
  const now = Date.now();
  const known = facts.get(key);
  if (known && known.generation === generation(aws.accountId) && now - known.at < FACTS_TTL_MS) {
    return (known.pending ?? Promise.resolve(known.value)) as Promise<T>;
  }
  const pending = read();
  const entry: Entry = { at: now, generation: generation(aws.accountId), pending };
  facts.set(key, entry);
  pending.then(
    (value) => {
      if (facts.get(key) !== entry) return;
      if (keep(value)) {
        entry.value = value;
        entry.pending = undefined;
      } else facts.delete(key);
    },
    () => {
      if (facts.get(key) === entry) facts.delete(key);
    },
  );
  return pending;
}

/** Something in the account changed (through Hajime): every remembered fact about it is stale. */
export function accountChanged(accountId: string): void {
  const next = (store.generations.get(accountId) ?? 0) + 1;
  store.generations.delete(accountId);
  store.generations.set(accountId, next);
  if (store.generations.size > MAX_ACCOUNTS) {
    // Forgetting an account's count could make an old fact of it look current again: a new
    // epoch makes every kept fact stale instead (rare: 20,000 accounts changed in a minute).
    const oldest = store.generations.keys().next().value;
    if (oldest !== undefined) store.generations.delete(oldest);
    store.epoch += 1;
  }
}
