import "server-only";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import type { Aws } from "./clients";
import { shareInFlight } from "./in-flight";

/** GetAccountSummary's SummaryMap; the two root steps read it live (the credential report lags). */
export function accountSummary(aws: Aws): Promise<Record<string, number>> {
  return shareInFlight(aws, "GetAccountSummary", () =>
    aws.iam.send(new GetAccountSummaryCommand({})).then((out) => (out.SummaryMap ?? {}) as Record<string, number>),
  );
}
