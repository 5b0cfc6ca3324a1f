import "server-only";
import { DeleteVirtualMFADeviceCommand, ListMFADeviceTagsCommand, paginateListVirtualMFADevices } from "@aws-sdk/client-iam";
import type { Aws } from "./clients";
import { errorName } from "./errors";
import { isNoSuchEntity } from "./iam-users";
import { hasHajimeTag } from "./logging/tags";
import { mapLimit } from "./map-limit";

/**
 * Virtual MFA devices Hajime made for step 6 and nobody enabled: an abandoned step 6
 * leaves one behind. Hajime tags each device it makes (and when it made it), so these are
 * told apart from the attendee's own. ListVirtualMFADevices returns no tags ("this
 * operation does not return tags"): ListMFADeviceTags asks per device.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADeviceTags.html
 */
export const STARTED_AT_TAG = "hajime:started-at";

export type HajimeDevice = { serial: string; name: string; startedAt: number | null };

/** The device name in a virtual MFA serial number (arn:aws:iam::123456789012:mfa/name). */
export const deviceName = (serial: string) => serial.split(":mfa/").pop() ?? serial;

export async function hajimeUnassignedDevices(aws: Aws): Promise<HajimeDevice[]> {
  const serials: string[] = [];
  for await (const page of paginateListVirtualMFADevices({ client: aws.iam }, { AssignmentStatus: "Unassigned" })) {
    for (const d of page.VirtualMFADevices ?? []) if (d.SerialNumber && !d.User) serials.push(d.SerialNumber);
  }
  const found = await mapLimit(serials, 5, async (serial): Promise<HajimeDevice | null> => {
    try {
      const tags = (await aws.iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial }))).Tags ?? [];
      if (!hasHajimeTag(tags)) return null;
      const started = Number(tags.find((t) => t.Key === STARTED_AT_TAG)?.Value);
      return { serial, name: deviceName(serial), startedAt: Number.isFinite(started) ? started : null };
    } catch (error) {
      if (isNoSuchEntity(error)) return null; // deleted meanwhile
      throw error;
    }
  });
  return found.filter((d): d is HajimeDevice => d !== null);
}

/**
 * Deletes an unassigned device. AWS refuses to delete one that is enabled for a user
 * (DeleteConflict): it was enabled meanwhile, and stays.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html
 */
export async function deleteUnassignedDevice(aws: Aws, serial: string): Promise<"deleted" | "gone" | "in-use"> {
  try {
    await aws.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    return "deleted";
  } catch (error) {
    if (isNoSuchEntity(error)) return "gone";
    if (errorName(error) === "DeleteConflict" || errorName(error) === "DeleteConflictException") return "in-use";
    throw error;
  }
}

/** How long another attendee's step 6 may take before its device counts as abandoned. */
export const ABANDONED_AFTER_MS = 15 * 60_000;

/**
 * When step 6 starts again: removes Hajime's unassigned devices for this user, and those
 * left for longer than ABANDONED_AFTER_MS (two attendees may share an account, and the
 * other's QR code may be on a screen right now).
 */
export async function removeAbandonedDevices(aws: Aws, userName: string, now = Date.now()): Promise<number> {
  const devices = await hajimeUnassignedDevices(aws);
  const abandoned = devices.filter(
    (d) => d.name.toLowerCase() === userName.toLowerCase() || d.startedAt === null || now - d.startedAt > ABANDONED_AFTER_MS,
  );
  let removed = 0;
  for (const d of abandoned) if ((await deleteUnassignedDevice(aws, d.serial)) === "deleted") removed += 1;
  return removed;
}
