import "server-only";
import { UpdateDetectorCommand } from "@aws-sdk/client-guardduty";
import type { Aws } from "../clients";
import { fail, ok, type Result } from "@/lib/result";
import type { CreatedLedger, CreatedResource } from "../ledger";
import type { DetectorInfo } from "../logging/detectors";
import { deleteUnassignedDevice, hajimeUnassignedDevices } from "../mfa-devices";
import type { RemovalProgress, ResourceRef } from "./types";

/**
 * Teardown of what Hajime changed but did not make, or made outside the ledger: a detector
 * the attendee had, off, that step 8 turned back on (turned off again, as Hajime found it:
 * an enabled detector keeps billing), and step 6's unused virtual MFA devices.
 */

/**
 * UpdateDetector Enable=false: GuardDuty stops (and stops billing) and the detector, the
 * attendee's, stays with its settings and findings.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html
 */
export async function restoreDetector(
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

/** Deletes one of Hajime's unused virtual MFA devices, checked again by its tag. */
export async function removeMfaDevice(aws: Aws, ref: ResourceRef): Promise<Result<RemovalProgress>> {
  const device = (await hajimeUnassignedDevices(aws)).find((d) => d.name === ref.name);
  if (!device) return ok({ status: "gone" });
  const outcome = await deleteUnassignedDevice(aws, device.serial);
  if (outcome === "in-use") return fail("mfa-device-now-in-use", { name: ref.name });
  return ok({ status: outcome === "deleted" ? "removed" : "gone" });
}
