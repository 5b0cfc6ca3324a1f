import "server-only";
import { CreateAnalyzerCommand, ListAnalyzersCommand, type AnalyzerSummary } from "@aws-sdk/client-accessanalyzer";
import type { Aws } from "@/lib/aws/clients";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { hasHajimeTag, HAJIME_TAG } from "@/lib/aws/logging/tags";
import { fail, ok } from "@/lib/result";
import type { Step } from "@/lib/aws/step";
import { accessAnalyzerClient } from "@/workshops/guardrails/clients";

export const ANALYZER_NAME = "hajime-account-analyzer";

export type AccountAnalyzer = { name: string; status: string; hajime: boolean };

export type AccessAnalyzerDetail = {
  region: string;
  /** The Region's analyzer with this account as its zone of trust, or null. */
  analyzer: AccountAnalyzer | null;
};

export type AccessAnalyzerFixReport = { action: "created" | "already-exists"; name: string };

/** Analyzers that are, or are about to be, at work. */
const WORKING = new Set(["ACTIVE", "CREATING"]);

/**
 * The Region's external access analyzers whose zone of trust is this account (type
 * ACCOUNT). A member account may have one per Region. Free: only unused and internal
 * access analysis is charged. https://aws.amazon.com/iam/access-analyzer/pricing/
 */
export async function accountAnalyzers(aws: Aws, region = aws.region): Promise<AccountAnalyzer[]> {
  const client = accessAnalyzerClient(aws, region);
  const found: AnalyzerSummary[] = [];
  let nextToken: string | undefined;
  do {
    const out = await client.send(new ListAnalyzersCommand({ type: "ACCOUNT", maxResults: 100, nextToken }));
    found.push(...(out.analyzers ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  return found.map((a) => ({ name: a.name ?? "", status: a.status ?? "", hajime: hasHajimeTag(a.tags) }));
}

const primary = (list: AccountAnalyzer[]) => list.find((a) => WORKING.has(a.status)) ?? list[0] ?? null;

export const accessAnalyzer: Step<AccessAnalyzerDetail, Record<string, never>, AccessAnalyzerFixReport> = {
  id: "access-analyzer",

  async check(aws) {
    const analyzer = primary(await accountAnalyzers(aws));
    return { state: analyzer && WORKING.has(analyzer.status) ? "done" : "todo", detail: { region: aws.region, analyzer } };
  },

  async fix(aws, _input, ctx) {
    const existing = primary(await accountAnalyzers(aws));
    if (existing) {
      if (WORKING.has(existing.status)) return ok({ action: "already-exists", name: existing.name });
      // One account analyzer per Region: a failed or disabled one must be looked at by hand.
      return fail("analyzer-not-active", { name: existing.name, status: existing.status });
    }
    try {
      await accessAnalyzerClient(aws).send(
        new CreateAnalyzerCommand({ analyzerName: ANALYZER_NAME, type: "ACCOUNT", tags: { [HAJIME_TAG.Key]: HAJIME_TAG.Value } }),
      );
    } catch (error) {
      // ServiceQuotaExceeded: another tab made the Region's one a moment ago.
      // Conflict: an analyzer of another type already has Hajime's name.
      if (!isAwsError(error, "ServiceQuotaExceededException", "ConflictException")) throw error;
      const now = primary(await accountAnalyzers(aws));
      if (now) return ok({ action: "already-exists", name: now.name });
      return fail("analyzer-name-taken", { name: ANALYZER_NAME });
    }
    await ctx.ledger.remember({ kind: "analyzer", name: ANALYZER_NAME, region: aws.region });
    return ok({ action: "created", name: ANALYZER_NAME });
  },
};
