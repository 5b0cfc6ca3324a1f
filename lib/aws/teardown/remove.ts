import "server-only";
import type { Aws } from "../clients";
import { accountChanged } from "../account-facts";
import { fail, type Result } from "@/lib/result";
import type { CreatedLedger } from "../ledger";
import type { ResourceKindModule } from "./kind";
import type { RemovalProgress, ResourceRef } from "./types";

/**
 * Removes one resource of one of `kinds`, which checks again that it is Hajime's (the
 * request names it, but only the ledger and the tag decide). A resource already gone is
 * success, so a second run, or a run after a half-done one, simply finishes. A kind kept on
 * purpose is never removed.
 */
export async function removeResource(
  aws: Aws,
  ledger: CreatedLedger,
  kinds: readonly ResourceKindModule[],
  ref: ResourceRef,
  budgetMs = 8_000,
): Promise<Result<RemovalProgress>> {
  const kind = kinds.find((k) => k.kind === ref.kind);
  if (!kind || kind.keptOnPurpose) return fail("not-hajime");
  try {
    return await kind.remove({ aws, ledger, entries: await ledger.list(), budgetMs }, ref);
  } finally {
    accountChanged(aws.accountId);
  }
}
