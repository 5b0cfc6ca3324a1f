import "server-only";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import type { Aws } from "./clients";

// Steps 1 and 2 both read it and run in parallel: they share one call while it is in flight.
const inFlight = new WeakMap<Aws, Promise<Record<string, number>>>();

/** GetAccountSummary's SummaryMap; the two root steps read it live (the credential report lags). */
export function accountSummary(aws: Aws): Promise<Record<string, number>> {
  let pending = inFlight.get(aws);
  if (!pending) {
    pending = aws.iam.send(new GetAccountSummaryCommand({})).then((out) => (out.SummaryMap ?? {}) as Record<string, number>);
    inFlight.set(aws, pending);
    const forget = () => inFlight.delete(aws);
    pending.then(forget, forget);
  }
  return pending;
}
