import "server-only";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import type { Aws } from "./clients";

/** GetAccountSummary's SummaryMap; the two root steps read it live (the credential report lags). */
export async function accountSummary(aws: Aws): Promise<Record<string, number>> {
  const out = await aws.iam.send(new GetAccountSummaryCommand({}));
  return (out.SummaryMap ?? {}) as Record<string, number>;
}
