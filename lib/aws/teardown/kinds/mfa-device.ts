import "server-only";
import { z } from "zod";
import { fail, ok } from "@/lib/result";
import { remembered } from "../../account-facts";
import { deleteUnassignedDevice, hajimeUnassignedDevices } from "../../mfa-devices";
import type { ResourceKindModule } from "../kind";

/**
 * Virtual MFA devices Hajime made for step 6 that were never enabled (an abandoned step 6).
 * IAM is global: region "global". Found by Hajime's tag alone (the ledger never holds them).
 * Credentials that cannot call IAM (get-session-token without MFA) see none; such devices
 * cost nothing and wait for a later teardown.
 */
export const mfaDevice = {
  kind: "mfa-device",
  scope: "global",
  identity: "name",
  // IAM names: letters, digits, +=,.@_-
  name: z.string().min(1).max(128).regex(/^[\w+=,.@-]+$/),

  async discover({ aws, scope }) {
    try {
      // Only Hajime's step 6 makes these, and every start, fix and removal says so
      // (account-facts.ts): "check all" need not list them every time.
      const devices =
        scope === "full" ? await hajimeUnassignedDevices(aws) : await remembered(aws, "unused-mfa-devices", () => hajimeUnassignedDevices(aws));
      const remove = devices.map((d) => ({ kind: "mfa-device", name: d.name, region: "global" })).sort((a, b) => a.name.localeCompare(b.name));
      return { remove, keep: [] };
    } catch {
      return { remove: [], keep: [] };
    }
  },

  /** Deletes one of Hajime's unused virtual MFA devices, checked again by its tag. */
  async remove({ aws }, ref) {
    const device = (await hajimeUnassignedDevices(aws)).find((d) => d.name === ref.name);
    if (!device) return ok({ status: "gone" });
    const outcome = await deleteUnassignedDevice(aws, device.serial);
    if (outcome === "in-use") return fail("mfa-device-now-in-use", { name: ref.name });
    return ok({ status: outcome === "deleted" ? "removed" : "gone" });
  },
} satisfies ResourceKindModule<"mfa-device">;
