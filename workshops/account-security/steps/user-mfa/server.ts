import "server-only";
import {
  CreateVirtualMFADeviceCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  paginateListVirtualMFADevices,
  type VirtualMFADevice,
} from "@aws-sdk/client-iam";
import { z } from "zod";
import { mfaCodeSchema, userNameSchema } from "@/lib/aws/input-schemas";
import type { Aws } from "@/lib/aws/clients";
import { accountChanged } from "@/lib/aws/account-facts";
import { errorName } from "@/lib/aws/errors";
import { fail, ok, type Result } from "@/lib/result";
import {
  aliasOrAccountId,
  allUserNames,
  groupMembers,
  hasConsolePassword,
  isEntityAlreadyExists,
  isNoSuchEntity,
  mfaSerials,
} from "@/lib/aws/iam-users";
import { retryWhileSettling } from "@/lib/aws/iam-retry";
import { HAJIME_TAG } from "@/lib/aws/logging/tags";
import { mapLimit } from "@/lib/aws/map-limit";
import { removeAbandonedDevices, STARTED_AT_TAG } from "@/lib/aws/mfa-devices";
import type { Step } from "@/lib/aws/step";

export type ConsoleUserMfa = { name: string; admin: boolean; mfa: boolean };

export type UserMfaDetail = {
  /** Every user with a console password, with whether they are in `admin` and have MFA. */
  users: ConsoleUserMfa[];
  /** Members of `admin` without a console password and without MFA: not counted (see the rule). */
  keysOnlyAdmins: string[];
};

/** What "start" gives the browser: the seed goes there and nowhere else (not stored, not logged). */
export type MfaStart =
  | { state: "already-enabled"; userName: string }
  | { state: "created"; userName: string; serialNumber: string; secret: string; account: string };

export type UserMfaFixResult = { userName: string; alreadyEnabled: boolean };

export const startMfaInput = z.object({ userName: userNameSchema });

const SERIAL = /^arn:aws[a-z-]*:iam::\d{12}:mfa\/[A-Za-z0-9+=,.@_/-]{1,512}$/;

const fixInput = z.object({
  userName: userNameSchema,
  serialNumber: z.string().max(600).regex(SERIAL),
  code1: mfaCodeSchema,
  code2: mfaCodeSchema,
});

function isInvalidCode(error: unknown): boolean {
  const name = errorName(error);
  if (name === "InvalidAuthenticationCodeException" || name === "InvalidAuthenticationCode") return true;
  const message = String((error as { message?: unknown })?.message ?? "");
  return /authentication code/i.test(message) && /invalid|not valid/i.test(message);
}

/** The virtual device named after the user (as the console names it), if one exists. */
async function deviceNamed(aws: Aws, name: string): Promise<VirtualMFADevice | undefined> {
  const suffix = `:mfa/${name}`.toLowerCase();
  for await (const page of paginateListVirtualMFADevices({ client: aws.iam }, { AssignmentStatus: "Any" })) {
    const found = page.VirtualMFADevices?.find((d) => d.SerialNumber?.toLowerCase().endsWith(suffix));
    if (found) return found;
  }
  return undefined;
}

/** A new device, tagged as Hajime's (with when), so an abandoned one can be found and removed. */
async function createDevice(aws: Aws, userName: string) {
  const out = await aws.iam.send(
    new CreateVirtualMFADeviceCommand({
      VirtualMFADeviceName: userName,
      Path: "/",
      Tags: [{ ...HAJIME_TAG }, { Key: STARTED_AT_TAG, Value: String(Date.now()) }],
    }),
  );
  const device = out.VirtualMFADevice;
  if (!device?.SerialNumber || !device.Base32StringSeed) throw new Error("CreateVirtualMFADevice returned no device");
  return { serialNumber: device.SerialNumber, secret: new TextDecoder().decode(device.Base32StringSeed) };
}

/**
 * Creates the virtual MFA device whose seed the browser turns into a QR code. First,
 * Hajime's own devices left unassigned by an abandoned attempt are removed (this user's, and
 * any left long enough ago: mfa-devices.ts). A device of the same name that is still in the
 * way and unassigned is deleted and made again; an assigned one is never deleted (AWS
 * refuses that, moto does not: we check first). A name just deleted can stay taken for a
 * moment (IAM is eventually consistent): creating it is tried again for a few seconds.
 */
export async function startVirtualMfa(aws: Aws, userName: string): Promise<Result<MfaStart>> {
  try {
    return await startDevice(aws, userName);
  } finally {
    // A device made (or an abandoned one removed): step 10's remembered list is stale.
    accountChanged(aws.accountId);
  }
}

async function startDevice(aws: Aws, userName: string): Promise<Result<MfaStart>> {
  let existing: string[];
  try {
    existing = await retryWhileSettling(() => mfaSerials(aws, userName), isNoSuchEntity);
  } catch (error) {
    if (isNoSuchEntity(error)) return fail("user-not-found", { user: userName });
    throw error;
  }
  if (existing.length > 0) return ok({ state: "already-enabled", userName });

  await removeAbandonedDevices(aws, userName);
  let created: { serialNumber: string; secret: string };
  try {
    created = await createDevice(aws, userName);
  } catch (error) {
    if (!isEntityAlreadyExists(error)) throw error;
    const device = await deviceNamed(aws, userName);
    if (device?.User) {
      if (device.User.UserName?.toLowerCase() === userName.toLowerCase()) return ok({ state: "already-enabled", userName });
      return fail("mfa-device-in-use", { user: userName });
    }
    if (device?.SerialNumber) {
      await aws.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber }));
    }
    try {
      created = await retryWhileSettling(() => createDevice(aws, userName), isEntityAlreadyExists);
    } catch (again) {
      if (isEntityAlreadyExists(again)) return fail("iam-not-ready");
      throw again;
    }
  }
  return ok({ state: "created", userName, ...created, account: await aliasOrAccountId(aws) });
}

/**
 * Step 6's one rule: at least one IAM user can sign in to the console, and every IAM user
 * who can has MFA. That is Security Hub IAM.5 ("MFA should be enabled for all IAM users
 * that have a console password") and Prowler's iam_user_mfa_enabled_console_access, plus
 * "at least one": with no console user there is nothing to protect yet, so the step waits
 * for step 5. Membership of `admin` plays no part.
 *
 * A user without a console password (access keys only) is not counted, as in IAM.5: console
 * MFA cannot apply to a user who cannot sign in. Security Hub IAM.19 asks MFA of every IAM
 * user, and an admin with long-term keys and no MFA is a risk this hands-on teaches to
 * avoid, so such members of `admin` are named on the card (keysOnlyAdmins), without
 * holding the step back.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5
 * https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-19
 */
export const userMfa: Step<UserMfaDetail, z.infer<typeof fixInput>, UserMfaFixResult> = {
  id: "user-mfa",
  async check(aws) {
    const [names, admins] = await Promise.all([allUserNames(aws), groupMembers(aws)]);
    const adminSet = new Set(admins ?? []);
    const rows = await mapLimit(names, 5, async (name) => {
      const admin = adminSet.has(name);
      const console = await hasConsolePassword(aws, name);
      // MFA is read only where the card uses it: console users, and admins without a password.
      const mfa = console || admin ? (await mfaSerials(aws, name)).length > 0 : false;
      return { name, admin, console, mfa };
    });
    const users = rows.filter((r) => r.console).map(({ name, admin, mfa }): ConsoleUserMfa => ({ name, admin, mfa }));
    const keysOnlyAdmins = rows.filter((r) => !r.console && r.admin && !r.mfa).map((r) => r.name);
    const done = users.length > 0 && users.every((u) => u.mfa);
    return { state: done ? "done" : "todo", detail: { users, keysOnlyAdmins } };
  },
  fixInput,
  async fix(aws, { userName, serialNumber, code1, code2 }) {
    try {
      await aws.iam.send(
        new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 }),
      );
      return ok({ userName, alreadyEnabled: false });
    } catch (error) {
      if (isInvalidCode(error)) return fail("mfa-invalid-codes");
      if (isNoSuchEntity(error)) return fail("mfa-device-gone");
      if (!isEntityAlreadyExists(error)) throw error;
    }
    // Already enabled (a second click, another tab): done if it is this user's device.
    const serials = await mfaSerials(aws, userName);
    if (serials.includes(serialNumber)) return ok({ userName, alreadyEnabled: true });
    return fail("mfa-device-in-use", { user: userName });
  },
};
