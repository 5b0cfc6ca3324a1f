import "server-only";
import { DeleteTrailCommand, StopLoggingCommand } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { fail, ok } from "@/lib/result";
import { isLogging, listTrails, trailArn } from "../../logging/trails";
import type { KindDiscovery, ResourceKindModule } from "../kind";
import { forgetAll, ledgerHas, sorted } from "../ledger-match";

/** Step 7's CloudTrail trail, in its home Region. Removed before the bucket it writes to. */
export const trail = {
  kind: "trail",
  scope: "regional",
  identity: "name-and-region",
  name: z.string().min(1).max(255).regex(/^[A-Za-z0-9._-]+$/),
  ledger: { origins: ["created"] },

  async discover({ aws, entries }) {
    const trails = await listTrails(aws, [aws.region, ...entries.map((r) => r.region)]);
    const part: KindDiscovery = { remove: [], keep: [] };
    for (const t of trails) {
      const ref = { kind: "trail", name: t.name, region: t.homeRegion };
      if (t.tagged || ledgerHas(entries, "trail", t.name, t.homeRegion)) part.remove.push({ ...ref, bucket: t.bucket, logging: null });
      else part.keep.push({ ...ref, reason: "not-hajime" });
    }
    return sorted(part);
  },

  async facts(aws, row) {
    // Hajime's trails are this account's own: their ARN is known without listing again.
    const logging = await isLogging(aws, { arn: trailArn(aws, row.name, row.region), homeRegion: row.region }).catch(() => null);
    return { logging };
  },

  async remove({ aws, ledger, entries }, ref) {
    const trail = (await listTrails(aws, [ref.region, aws.region])).find((t) => t.name === ref.name && t.homeRegion === ref.region);
    const forget = () => forgetAll(ledger, entries, (r) => r.kind === "trail" && r.name === ref.name && r.region === ref.region);
    if (!trail) {
      await forget();
      return ok({ status: "gone" });
    }
    if (!(trail.tagged || ledgerHas(entries, "trail", trail.name, trail.homeRegion))) return fail("not-hajime");
    const ct = aws.cloudtrailIn(trail.homeRegion);
    // Stop first: a trail that is deleted while logging may still deliver a last file.
    if (await isLogging(aws, trail)) await ct.send(new StopLoggingCommand({ Name: trail.name }));
    await ct.send(new DeleteTrailCommand({ Name: trail.name }));
    await forget();
    return ok({ status: "removed" });
  },
} satisfies ResourceKindModule<"trail">;
