import "server-only";
import type { Aws } from "./clients";

// "Check all" runs every step's check at once with one Aws; several steps read the same
// IAM facts (GetAccountSummary for steps 1–2, the admin group and login profiles for 4–6).
// A read already in flight for this Aws is shared; once answered it is forgotten, so a
// later check or a fix always reads AWS afresh.
const inFlight = new WeakMap<Aws, Map<string, Promise<unknown>>>();

/** `read()`, unless the same `key` is being read for this Aws right now: then that answer. */
export function shareInFlight<T>(aws: Aws, key: string, read: () => Promise<T>): Promise<T> {
  let reads = inFlight.get(aws);
  if (!reads) inFlight.set(aws, (reads = new Map()));
  const pending = reads.get(key);
  if (pending) return pending as Promise<T>;
  const started = read();
  reads.set(key, started);
  const forget = () => reads.delete(key);
  started.then(forget, forget);
  return started;
}
