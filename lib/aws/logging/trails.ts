import "server-only";
import {
  AddTagsCommand,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  type Trail,
} from "@aws-sdk/client-cloudtrail";
import type { Aws } from "../clients";
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
      const out = await aws.cloudtrailIn(region).send(new DescribeTrailsCommand({ includeShadowTrails: true }));
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

async function readTags(aws: Aws, trails: TrailInfo[]): Promise<void> {
  const byRegion = new Map<string, TrailInfo[]>();
  for (const t of trails) byRegion.set(t.homeRegion, [...(byRegion.get(t.homeRegion) ?? []), t]);
  await Promise.all(
    [...byRegion].map(async ([region, list]) => {
      for (let i = 0; i < list.length; i += 20) {
        const batch = list.slice(i, i + 20);
        try {
          const out = await aws.cloudtrailIn(region).send(new ListTagsCommand({ ResourceIdList: batch.map((t) => t.arn) }));
          for (const entry of out.ResourceTagList ?? []) {
            const trail = batch.find((t) => t.arn === entry.ResourceId);
            if (trail) trail.tagged = hasHajimeTag(entry.TagsList);
          }
        } catch {
          // An organization trail seen from a member account can refuse ListTags: such a
          // trail is not Hajime's, and untagged is the safe reading.
        }
      }
    }),
  );
}

/** GetTrailStatus by ARN, asked in the home region (it works for every trail kind there). */
export async function isLogging(aws: Aws, trail: Pick<TrailInfo, "arn" | "homeRegion">): Promise<boolean> {
  const out = await aws.cloudtrailIn(trail.homeRegion).send(new GetTrailStatusCommand({ Name: trail.arn }));
  return Boolean(out.IsLogging);
}

export async function tagTrail(aws: Aws, trail: Pick<TrailInfo, "arn" | "homeRegion">): Promise<void> {
  await aws.cloudtrailIn(trail.homeRegion).send(new AddTagsCommand({ ResourceId: trail.arn, TagsList: [HAJIME_TAG] }));
}
