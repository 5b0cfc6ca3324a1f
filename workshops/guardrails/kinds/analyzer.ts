import "server-only";
import { DeleteAnalyzerCommand } from "@aws-sdk/client-accessanalyzer";
import { accountChanged } from "@/lib/aws/account-facts";
import type { Aws } from "@/lib/aws/clients";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { fail, ok, type Result } from "@/lib/result";
import { accountAnalyzers } from "../steps/access-analyzer/server";
import { madeByHajime, type KindContext, type KindDiscovery, type KindRef, type KindRemoval } from "./types";

/**
 * IAM Access Analyzer's account analyzers at teardown. An external access analyzer is
 * free, but the one Hajime made (its tag, or the ledger) is removed; the attendee's own
 * is listed as kept. Looked for in the session's Region and wherever the ledger says
 * Hajime made one.
 */
export async function discover(aws: Aws, ctx: KindContext): Promise<KindDiscovery> {
  const entries = (await ctx.ledger.list()).filter((r) => r.kind === "analyzer");
  const regions = [...new Set([aws.region, ...entries.map((r) => r.region)])].sort();
  const found: KindDiscovery = { remove: [], keep: [], missing: [], unchecked: [] };
  await Promise.all(
    regions.map(async (region) => {
      let analyzers;
      try {
        analyzers = await accountAnalyzers(aws, region);
      } catch {
        found.unchecked.push(region);
        return;
      }
      for (const a of analyzers) {
        const ref: KindRef = { kind: "analyzer", name: a.name, region };
        if (a.hajime || madeByHajime(entries, "analyzer", a.name, region)) found.remove.push(ref);
        else found.keep.push({ ...ref, reason: "not-hajime" });
      }
      for (const r of entries) {
        if (r.region === region && !analyzers.some((a) => a.name === r.name)) found.missing.push(r);
      }
    }),
  );
  const order = (a: KindRef, b: KindRef) => a.region.localeCompare(b.region) || a.name.localeCompare(b.name);
  found.remove.sort(order);
  found.keep.sort(order);
  found.unchecked.sort();
  return found;
}

/** Deletes the analyzer after checking again that it is Hajime's (tag or ledger); gone is success. */
export async function remove(aws: Aws, ref: KindRef, ctx: KindContext): Promise<Result<KindRemoval>> {
  if (ref.kind !== "analyzer") return fail("not-hajime");
  const forget = () => ctx.ledger.forget({ kind: "analyzer", name: ref.name, region: ref.region });
  try {
    const analyzer = (await accountAnalyzers(aws, ref.region)).find((a) => a.name === ref.name);
    if (!analyzer) {
      await forget();
      return ok({ status: "gone" });
    }
    if (!(analyzer.hajime || madeByHajime(await ctx.ledger.list(), "analyzer", ref.name, ref.region))) return fail("not-hajime");
    await aws.accessanalyzerIn(ref.region).send(new DeleteAnalyzerCommand({ analyzerName: ref.name }));
  } catch (error) {
    if (!isAwsError(error, "ResourceNotFoundException")) throw error;
    // Deleted meanwhile by someone else: gone is gone.
    await forget();
    return ok({ status: "gone" });
  } finally {
    accountChanged(aws.accountId);
  }
  await forget();
  return ok({ status: "removed" });
}
