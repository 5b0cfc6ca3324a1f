import "server-only";
import { GetDetectorCommand, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import type { Aws } from "../clients";
import { shareInFlight } from "../in-flight";
import { hasHajimeTag } from "./tags";

/** A GuardDuty detector: one per account and region (AWS refuses a second; moto does not). */
export type DetectorInfo = { id: string; region: string; enabled: boolean; tagged: boolean };

/** The region's detectors; steps 8, 9 and 10 checked together share one read. */
export function detectorsIn(aws: Aws, region: string = aws.region): Promise<DetectorInfo[]> {
  return shareInFlight(aws, `detectors:${region}`, () => readDetectors(aws, region));
}

async function readDetectors(aws: Aws, region: string): Promise<DetectorInfo[]> {
  const gd = aws.guarddutyIn(region);
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await gd.send(new ListDetectorsCommand({ NextToken: token }));
    ids.push(...(page.DetectorIds ?? []));
    token = page.NextToken || undefined;
  } while (token);
  return Promise.all(
    ids.map(async (id) => {
      const d = await gd.send(new GetDetectorCommand({ DetectorId: id }));
      return { id, region, enabled: d.Status === "ENABLED", tagged: hasHajimeTag(d.Tags) };
    }),
  );
}

/** The detector the region's checks and fixes use: an enabled one if any, else the first. */
export function primaryDetector(detectors: readonly DetectorInfo[]): DetectorInfo | undefined {
  return detectors.find((d) => d.enabled) ?? detectors[0];
}
