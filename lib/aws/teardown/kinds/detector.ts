import "server-only";
import { DeleteDetectorCommand, UpdateDetectorCommand } from "@aws-sdk/client-guardduty";
import { z } from "zod";
import { REGIONS } from "@/lib/regions";
import { fail, ok, type Result } from "@/lib/result";
import type { Aws } from "../../clients";
import type { CreatedLedger, CreatedResource } from "../../ledger";
import { detectorsIn, type DetectorInfo } from "../../logging/detectors";
import type { KindDiscovery, ResourceKindModule } from "../kind";
import { forgetAll, ledgerHas, sorted } from "../ledger-match";
import type { RemovalProgress } from "../types";

/**
 * Step 8's GuardDuty detector, one per Region. A detector the attendee had, off, that step 8
 * turned back on (ledger origin "re-enabled") is theirs: teardown turns it off again (a row
 * with action "disable"), never deletes it. The full scope looks in every Region an
 * attendee can choose; a Region that cannot be listed (an SCP) is reported unchecked.
 */
export const detector = {
  kind: "detector",
  scope: "regional",
  identity: "name-and-region",
  name: z.string().min(1).max(255).regex(/^[A-Za-z0-9._-]+$/),
  ledger: { origins: ["created", "re-enabled"] },

  async discover({ aws, entries, scope }) {
    const regions = [...new Set<string>([aws.region, ...(scope === "full" ? REGIONS : []), ...entries.map((r) => r.region)])];
    const part: KindDiscovery & { unchecked: string[] } = { remove: [], keep: [], unchecked: [] };
    await Promise.all(
      regions.map(async (region) => {
        let found: DetectorInfo[];
        try {
          found = await detectorsIn(aws, region);
        } catch {
          part.unchecked.push(region);
          return;
        }
        for (const d of found) {
          const ref = { kind: "detector", name: d.id, region };
          if (d.tagged || ledgerHas(entries, "detector", d.id, region)) {
            part.remove.push({ ...ref, enabled: d.enabled });
          } else if (reEnabledByHajime(entries, ref)) {
            // The attendee's own detector, off before the hands-on: turned off again, never deleted.
            // Once off, it is the attendee's as it was, and not listed.
            if (d.enabled) part.remove.push({ ...ref, enabled: true, action: "disable" });
          } else {
            part.keep.push({ ...ref, reason: "not-hajime" });
          }
        }
      }),
    );
    part.unchecked.sort();
    return sorted(part);
  },

  async remove({ aws, ledger, entries }, ref) {
    const detector = (await detectorsIn(aws, ref.region)).find((d) => d.id === ref.name);
    const forget = () => forgetAll(ledger, entries, (r) => r.kind === "detector" && r.name === ref.name && r.region === ref.region);
    if (!detector) {
      await forget();
      return ok({ status: "gone" });
    }
    // A detector the attendee had and Hajime only re-enabled is theirs: never deleted, turned off again.
    if (!(detector.tagged || ledgerHas(entries, "detector", detector.id, ref.region))) {
      return reEnabledByHajime(entries, ref) ? restoreDetector(aws, ledger, entries, detector) : fail("not-hajime");
    }
    await aws.guarddutyIn(ref.region).send(new DeleteDetectorCommand({ DetectorId: detector.id }));
    await forget();
    return ok({ status: "removed" });
  },
} satisfies ResourceKindModule<"detector">;

/** A detector the ledger says Hajime re-enabled (and did not make). */
export function reEnabledByHajime(ledger: readonly CreatedResource[], ref: { name: string; region: string }): boolean {
  return ledger.some((r) => r.kind === "detector" && r.name === ref.name && r.region === ref.region && r.origin === "re-enabled");
}

/**
 * UpdateDetector Enable=false: GuardDuty stops (and stops billing) and the detector, the
 * attendee's, stays with its settings and findings: as Hajime found it.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html
 */
async function restoreDetector(
  aws: Aws,
  ledger: CreatedLedger,
  entries: readonly CreatedResource[],
  detector: DetectorInfo,
): Promise<Result<RemovalProgress>> {
  if (detector.enabled) {
    await aws.guarddutyIn(detector.region).send(new UpdateDetectorCommand({ DetectorId: detector.id, Enable: false }));
  }
  for (const r of entries) if (r.kind === "detector" && r.name === detector.id && r.region === detector.region) await ledger.forget(r);
  return ok({ status: "restored" });
}
