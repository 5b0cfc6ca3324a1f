import "server-only";
import {
  CreateSampleFindingsCommand,
  GetFindingsCommand,
  ListFindingsCommand,
  type Finding,
} from "@aws-sdk/client-guardduty";
import { z } from "zod";
import type { FindingView } from "@/lib/workshop/findings";
import type { Aws } from "@/lib/aws/clients";
import { remembered } from "@/lib/aws/account-facts";
import { fail, ok } from "@/lib/result";
import { isAwsError } from "@/lib/aws/logging/aws-error";
import { detectorsIn, primaryDetector } from "@/lib/aws/logging/detectors";
import { findingViews, SAMPLE_CRITERIA, SAMPLE_FINDING_TYPES } from "@/lib/aws/logging/findings";
import type { Step } from "@/lib/aws/step";
import { stepMeta } from "@/workshops";

export type SampleFindingsDetail = {
  detector: "none" | "disabled" | "enabled";
  /**
   * "theirs": the attendee had this detector before the hands-on. Its findings, samples
   * included, go on to EventBridge, Security Hub and whatever they feed (SNS, chat, a
   * security team), so the card asks first.
   */
  owner?: "hajime" | "theirs";
  findings: FindingView[];
  /** More sample findings exist than the viewer loaded. */
  more: boolean;
};

export type SampleFindingsFixReport = { generated: number };

/** How many findings the viewer loads: ListFindings pages hold 50, GetFindings takes 50 ids. */
const VIEW_LIMIT = 100;
const PAGE = 50;

export async function sampleFindingIds(aws: Aws, detectorId: string, limit = VIEW_LIMIT): Promise<{ ids: string[]; more: boolean }> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await aws.guardduty.send(
      new ListFindingsCommand({
        DetectorId: detectorId,
        FindingCriteria: SAMPLE_CRITERIA,
        SortCriteria: { AttributeName: "severity", OrderBy: "DESC" },
        MaxResults: Math.min(PAGE, limit - ids.length),
        NextToken: token,
      }),
    );
    ids.push(...(page.FindingIds ?? []));
    token = page.NextToken || undefined;
  } while (token && ids.length < limit);
  return { ids: ids.slice(0, limit), more: Boolean(token) };
}

export async function getFindings(aws: Aws, detectorId: string, ids: readonly string[]): Promise<Finding[]> {
  const out: Finding[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = await aws.guardduty.send(
      new GetFindingsCommand({
        DetectorId: detectorId,
        FindingIds: ids.slice(i, i + PAGE),
        SortCriteria: { AttributeName: "severity", OrderBy: "DESC" },
      }),
    );
    out.push(...(page.Findings ?? []));
  }
  return out;
}

/**
 * The detector's sample findings as the viewer shows them. Sample findings appear when
 * someone generates them (step 9's fix, or the console's "Generate sample findings") and
 * stay: once there are some, "check all" reads them again once a minute, or at once after any
 * fix (account-facts.ts).
 * The detector itself (enabled, which one) is read every time, by steps 8 and 9 together.
 */
function sampleFindingsOf(aws: Aws, detectorId: string): Promise<{ findings: FindingView[]; more: boolean }> {
  return remembered(
    aws,
    `sample-findings:${aws.region}:${detectorId}`,
    async () => {
      const { ids, more } = await sampleFindingIds(aws, detectorId);
      if (ids.length === 0) return { findings: [], more: false };
      return { findings: findingViews(await getFindings(aws, detectorId, ids), aws.accountId), more };
    },
    // None yet: the attendee is at it (in Hajime or in the console), so ask every time.
    (found) => found.findings.length > 0,
  );
}

/** Waits between polls for the generated findings; tests make it instant. */
export const timing = { pollMs: 1_000, polls: 15 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const sampleFindings: Step<SampleFindingsDetail, { confirmTheirs: boolean }, SampleFindingsFixReport> = {
  id: "sample-findings",

  async check(aws) {
    const detector = primaryDetector(await detectorsIn(aws));
    if (!detector?.enabled) {
      return { state: "todo", detail: { detector: detector ? "disabled" : "none", findings: [], more: false } };
    }
    const owner = detector.tagged ? "hajime" : "theirs";
    const { findings, more } = await sampleFindingsOf(aws, detector.id);
    return { state: findings.length > 0 ? "done" : "todo", detail: { detector: "enabled", owner, findings, more } };
  },

  fixInput: z.object({ confirmTheirs: z.boolean().default(false) }),

  /**
   * Sample findings "are exported to EventBridge like other findings" and flow on to
   * Security Hub and every notification wired to them. In a detector Hajime made nothing
   * is wired; in the attendee's own, they may page someone. There Hajime generates them
   * only once the attendee confirmed.
   * https://docs.aws.amazon.com/guardduty/latest/ug/sample_findings.html
   * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html
   */
  async fix(aws, input) {
    const detector = primaryDetector(await detectorsIn(aws));
    if (!detector?.enabled) return fail("guardduty-not-enabled", { number: stepMeta("guardduty").number });
    if (!detector.tagged && !input.confirmTheirs) return fail("sample-findings-unconfirmed");
    try {
      await aws.guardduty.send(
        new CreateSampleFindingsCommand({ DetectorId: detector.id, FindingTypes: [...SAMPLE_FINDING_TYPES] }),
      );
    } catch (error) {
      // GuardDuty retires finding types now and then; one unknown type fails the whole
      // request. The type the hands-on is about is enough to carry on.
      if (!isAwsError(error, "BadRequestException")) throw error;
      await aws.guardduty.send(
        new CreateSampleFindingsCommand({ DetectorId: detector.id, FindingTypes: [SAMPLE_FINDING_TYPES[0]] }),
      );
    }
    // Generation takes a moment: wait until ListFindings returns them.
    for (let i = 0; i < timing.polls; i++) {
      const { ids } = await sampleFindingIds(aws, detector.id, PAGE);
      if (ids.length > 0) return ok({ generated: ids.length });
      await sleep(timing.pollMs);
    }
    return fail("findings-not-ready");
  },
};
