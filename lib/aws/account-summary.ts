import "server-only";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import type { Aws } from "./clients";

// Steps 1 and 2 both read it; one call per set of clients (one action) is enough.
const inFlight = new WeakMap<Aws, Promise<Record<string, number>>>();

/** GetAccountSummary's SummaryMap; the two root steps read it live (the credential report lags). */
export function accountSummary(aws: Aws): Promise<Record<string, number>> {
  let pending = inFlight.get(aws);
  if (!pending) {
    pending = aws.iam.send(new GetAccountSummaryCommand({})).then((out) => (out.SummaryMap ?? {}) as Record<string, number>);
    pending.catch(() => inFlight.delete(aws));
    inFlight.set(aws, pending);
  }
  return pending;
}
