import "server-only";
import {
  AddTagsCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  PutEventSelectorsCommand,
  type GetEventSelectorsCommandOutput,
  type Trail,
} from "@aws-sdk/client-cloudtrail";
import type { Aws } from "../clients";
import { shareInFlight } from "../in-flight";
import { mapLimit } from "../map-limit";
import type { ManagementEvents } from "@/lib/workshop/trail-verdict";
import { hasHajimeTag, HAJIME_TAG } from "./tags";

/** A trail as Hajime needs to know it. Kept server-side: the ARN never reaches a page. */
export type TrailInfo = {
  name: string;
  arn: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  bucket: string;
  /** Carries Hajime's tag (false when the tags could not be read). */
  tagged: boolean;
};

export function trailArn(aws: Aws, name: string, region: string): string {
  return `arn:${aws.partition}:cloudtrail:${region}:${aws.accountId}:trail/${name}`;
}

function homeRegionOf(t: Trail, fallback: string): string {
  return t.HomeRegion ?? t.TrailARN?.split(":")[3] ?? fallback;
}

/**
 * Every trail visible from the given regions (multi-region trails show up in every region),
 * one entry per trail, with whether it carries Hajime's tag. Tags are read in each trail's
 * home region, where CloudTrail keeps them.
 */
export async function listTrails(aws: Aws, regions: readonly string[] = [aws.region]): Promise<TrailInfo[]> {
  const byArn = new Map<string, TrailInfo>();
  const lists = await Promise.all(
    [...new Set(regions)].map(async (region) => {
      // Steps 7 and 10 checked together share one read per Region.
      const out = await shareInFlight(aws, `DescribeTrails:${region}`, () =>
        aws.cloudtrailIn(region).send(new DescribeTrailsCommand({ includeShadowTrails: true })),
      );
      return { region, trails: out.trailList ?? [] };
    }),
  );
  for (const { region, trails } of lists) {
    for (const t of trails) {
      if (!t.Name) continue;
      const homeRegion = homeRegionOf(t, region);
      const arn = t.TrailARN ?? trailArn(aws, t.Name, homeRegion);
      if (byArn.has(arn)) continue;
      byArn.set(arn, {
        name: t.Name,
        arn,
        homeRegion,
        multiRegion: Boolean(t.IsMultiRegionTrail),
        organization: Boolean(t.IsOrganizationTrail),
        bucket: t.S3BucketName ?? "",
        tagged: false,
      });
    }
  }
  const trails = [...byArn.values()];
  await readTags(aws, trails);
  return trails;
}

/** Whether the trail belongs to another account (an organization trail seen from a member account). */
export function ownedElsewhere(aws: Aws, trail: Pick<TrailInfo, "arn">): boolean {
  const owner = trail.arn.split(":")[4];
  return Boolean(owner) && owner !== aws.accountId;
}

/**
 * Reads Hajime's tag on the account's own trails, up to 20 ARNs per ListTags (its limit).
 * Another account's trail is never Hajime's and is not asked about. One ARN CloudTrail
 * will not answer for fails the whole request, so a failed batch is asked again one ARN
 * at a time; a trail whose tags cannot be read counts as untagged, the safe reading.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListTags.html
 */
async function readTags(aws: Aws, trails: TrailInfo[]): Promise<void> {
  const byRegion = new Map<string, TrailInfo[]>();
  for (const t of trails) {
    if (ownedElsewhere(aws, t)) continue;
    byRegion.set(t.homeRegion, [...(byRegion.get(t.homeRegion) ?? []), t]);
  }
  const ask = async (region: string, batch: TrailInfo[]) => {
    const arns = batch.map((t) => t.arn);
    const out = await shareInFlight(aws, `ListTags:${region}:${arns.join(" ")}`, () =>
      aws.cloudtrailIn(region).send(new ListTagsCommand({ ResourceIdList: arns })),
    );
    for (const entry of out.ResourceTagList ?? []) {
      const trail = batch.find((t) => t.arn === entry.ResourceId);
      if (trail) trail.tagged = hasHajimeTag(entry.TagsList);
    }
  };
  await Promise.all(
    [...byRegion].map(async ([region, list]) => {
      for (let i = 0; i < list.length; i += 20) {
        const batch = list.slice(i, i + 20);
        try {
          await ask(region, batch);
        } catch {
          if (batch.length === 1) continue;
          await mapLimit(batch, 4, (t) => ask(region, [t]).catch(() => undefined));
        }
      }
    }),
  );
}

/**
 * Reads the trail's management events as Security Hub CloudTrail.1 (AWS Config
 * multi-region-cloudtrail-enabled: includeManagementEvents, readWriteType ALL, no
 * ExcludeManagementEventSources) and Prowler's
 * cloudtrail_multi_region_enabled_logging_management_events do, for classic selectors
 * (IncludeManagementEvents, ReadWriteType) and advanced ones (eventCategory = Management,
 * readOnly, eventSource).
 * https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1
 * https://docs.aws.amazon.com/config/latest/developerguide/multi-region-cloudtrail-enabled.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
 */
export function managementEventsOf(out: Pick<GetEventSelectorsCommandOutput, "EventSelectors" | "AdvancedEventSelectors">): ManagementEvents {
  const m: ManagementEvents = { read: false, write: false, excludedSources: [], onlySources: [] };
  for (const s of out.EventSelectors ?? []) {
    if (s.IncludeManagementEvents === false) continue;
    const rw = s.ReadWriteType ?? "All";
    if (rw !== "WriteOnly") m.read = true;
    if (rw !== "ReadOnly") m.write = true;
    m.excludedSources.push(...(s.ExcludeManagementEventSources ?? []));
  }
  for (const a of out.AdvancedEventSelectors ?? []) {
    const field = (name: string) => a.FieldSelectors?.find((f) => f.Field === name);
    if (!field("eventCategory")?.Equals?.includes("Management")) continue;
    const readOnly = field("readOnly");
    const only = (v: string) => readOnly?.Equals?.includes(v) || readOnly?.NotEquals?.includes(v === "true" ? "false" : "true");
    if (!readOnly || only("true")) m.read = true;
    if (!readOnly || only("false")) m.write = true;
    m.excludedSources.push(...(field("eventSource")?.NotEquals ?? []));
    m.onlySources.push(...(field("eventSource")?.Equals ?? []));
  }
  m.excludedSources = [...new Set(m.excludedSources)].sort();
  m.onlySources = [...new Set(m.onlySources)].sort();
  return m;
}

/** GetEventSelectors by ARN, in the home region (the full ARN is what a member account must give). */
export async function managementEvents(aws: Aws, trail: Pick<TrailInfo, "arn" | "homeRegion">): Promise<ManagementEvents> {
  return managementEventsOf(await aws.cloudtrailIn(trail.homeRegion).send(new GetEventSelectorsCommand({ TrailName: trail.arn })));
}

/** What Hajime's own trail records: every management event, read and write. */
export async function recordAllManagementEvents(aws: Aws, trail: Pick<TrailInfo, "name" | "homeRegion">): Promise<void> {
  await aws.cloudtrailIn(trail.homeRegion).send(
    new PutEventSelectorsCommand({
      TrailName: trail.name,
      EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true }],
    }),
  );
}

/** GetTrailStatus by ARN, asked in the home region (it works for every trail kind there). */
export async function isLogging(aws: Aws, trail: Pick<TrailInfo, "arn" | "homeRegion">): Promise<boolean> {
  const out = await shareInFlight(aws, `GetTrailStatus:${trail.arn}`, () =>
    aws.cloudtrailIn(trail.homeRegion).send(new GetTrailStatusCommand({ Name: trail.arn })),
  );
  return Boolean(out.IsLogging);
}

export async function tagTrail(aws: Aws, trail: Pick<TrailInfo, "arn" | "homeRegion">): Promise<void> {
  await aws.cloudtrailIn(trail.homeRegion).send(new AddTagsCommand({ ResourceId: trail.arn, TagsList: [HAJIME_TAG] }));
}
