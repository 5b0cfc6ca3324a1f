import "server-only";
import { DeleteAnalyzerCommand } from "@aws-sdk/client-accessanalyzer";
import { z } from "zod";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import type { KindDiscovery, ResourceKindModule } from "@/lib/aws/teardown/kind";
import { forgetAll, ledgerHas, sorted } from "@/lib/aws/teardown/ledger-match";
import { fail, ok } from "@/lib/result";
import { accountAnalyzers, type AccountAnalyzer } from "../steps/access-analyzer/server";
import { accessAnalyzerClient } from "@/workshops/guardrails/clients";

/**
 * IAM Access Analyzer's account analyzers at teardown. An external access analyzer is free,
 * but the one Hajime made (its tag, or the ledger) is removed; the attendee's own is listed
 * as kept. Looked for in the session's Region and wherever the ledger says Hajime made one.
 */
export const analyzerKind = {
  kind: "analyzer",
  scope: "regional",
  identity: "name-and-region",
  // Analyzer names: [A-Za-z][A-Za-z0-9_.-]*, 1–255 (CreateAnalyzer).
  name: z.string().min(1).max(255).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/),
  ledger: { origins: ["created"] },

  async discover({ aws, entries }) {
    const regions = [...new Set([aws.region, ...entries.map((r) => r.region)])];
    const part: KindDiscovery & { unchecked: string[] } = { remove: [], keep: [], unchecked: [] };
    await Promise.all(
      regions.map(async (region) => {
        let analyzers: AccountAnalyzer[];
        try {
          analyzers = await accountAnalyzers(aws, region);
        } catch {
          part.unchecked.push(region);
          return;
        }
        for (const a of analyzers) {
          const ref = { kind: "analyzer", name: a.name, region };
          if (a.hajime || ledgerHas(entries, "analyzer", a.name, region)) part.remove.push(ref);
          else part.keep.push({ ...ref, reason: "not-hajime" });
        }
      }),
    );
    part.unchecked.sort();
    return sorted(part);
  },

  async remove({ aws, ledger, entries }, ref) {
    const forget = () => forgetAll(ledger, entries, (r) => r.kind === "analyzer" && r.name === ref.name && r.region === ref.region);
    try {
      const analyzer = (await accountAnalyzers(aws, ref.region)).find((a) => a.name === ref.name);
      if (!analyzer) {
        await forget();
        return ok({ status: "gone" });
      }
      if (!(analyzer.hajime || ledgerHas(entries, "analyzer", ref.name, ref.region))) return fail("not-hajime");
      await accessAnalyzerClient(aws, ref.region).send(new DeleteAnalyzerCommand({ analyzerName: ref.name }));
    } catch (error) {
      if (!isAwsError(error, "ResourceNotFoundException")) throw error;
      // Deleted meanwhile by someone else: gone is gone.
      await forget();
      return ok({ status: "gone" });
    }
    await forget();
    return ok({ status: "removed" });
  },
} satisfies ResourceKindModule<"analyzer">;
