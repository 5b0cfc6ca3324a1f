import { generate } from "otplib";
import type { Ctx, Rule } from "../types";
import { awsError, queryOk, xmlEscape, xmlTag, xmlTags, type Call } from "../wire";

const iam = (call: Call, ...operations: string[]) => call.service === "iam" && operations.includes(call.operation);
const ok = (status: number) => status >= 200 && status < 300;
const lower = (s: string | null | undefined) => (s ?? "").toLowerCase();

/**
 * DeleteConflict where AWS refuses a delete that moto lets through:
 * - DeleteUser: "you must delete the items attached to the user manually" (password, access
 *   keys, MFA devices, group memberships, policies).
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html
 * - DeleteGroup: "The group must not contain any users or have any attached policies."
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroup.html
 * - DeleteVirtualMFADevice: "You must deactivate a user's virtual MFA device before you can delete it."
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html
 */
export const deleteConflict: Rule = {
  name: "delete-conflict",
  doc: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html",
  defaultOn: true,
  applies: (call) => iam(call, "DeleteUser", "DeleteGroup", "DeleteVirtualMFADevice"),
  async before(call, ctx) {
    const conflict = (what: string) => awsError(call, 409, "DeleteConflict", `Cannot delete entity, must ${what} first.`);
    const read = async (action: string, params: Record<string, string>) => {
      const answer = await ctx.moto.query(call, "iam", action, params);
      return ok(answer.status) ? answer.body.toString("utf8") : undefined;
    };
    if (call.operation === "DeleteUser") {
      const UserName = call.form.get("UserName") ?? "";
      if (await read("GetLoginProfile", { UserName })) return conflict("delete login profile");
      if (xmlTags((await read("ListAccessKeys", { UserName })) ?? "", "AccessKeyId").length) return conflict("delete access keys");
      if (xmlTags((await read("ListMFADevices", { UserName })) ?? "", "SerialNumber").length) return conflict("delete MFA device");
      if (xmlTags((await read("ListGroupsForUser", { UserName })) ?? "", "GroupName").length) return conflict("remove user from group");
      if (xmlTags((await read("ListAttachedUserPolicies", { UserName })) ?? "", "PolicyArn").length) return conflict("detach all policies");
      if (/<member>/.test((await read("ListUserPolicies", { UserName })) ?? "")) return conflict("delete policies");
      return undefined;
    }
    if (call.operation === "DeleteGroup") {
      const GroupName = call.form.get("GroupName") ?? "";
      const users = /<Users>([\s\S]*)<\/Users>/.exec((await read("GetGroup", { GroupName })) ?? "")?.[1] ?? "";
      if (xmlTags(users, "UserName").length) return conflict("remove users from group");
      if (xmlTags((await read("ListAttachedGroupPolicies", { GroupName })) ?? "", "PolicyArn").length) return conflict("detach all policies");
      if (/<member>/.test((await read("ListGroupPolicies", { GroupName })) ?? "")) return conflict("delete policies");
      return undefined;
    }
    const serial = call.form.get("SerialNumber") ?? "";
    const assigned = xmlTags((await read("ListVirtualMFADevices", { AssignmentStatus: "Assigned" })) ?? "", "SerialNumber");
    if (assigned.includes(serial)) return conflict("deactivate the MFA device");
    return undefined;
  },
};

type Policy = { min: number; upper: boolean; lower: boolean; numbers: boolean; symbols: boolean; types: number };

/**
 * IAM checks a console password against the account's password policy (or, with none,
 * AWS's default: 8+ characters and three of upper case, lower case, numbers, symbols) and
 * answers PasswordPolicyViolation; moto accepts any password.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export const passwordPolicy: Rule = {
  name: "password-policy",
  doc: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  defaultOn: true,
  applies: (call) => iam(call, "CreateLoginProfile", "UpdateLoginProfile") && call.form.has("Password"),
  async before(call, ctx) {
    const answer = await ctx.moto.query(call, "iam", "GetAccountPasswordPolicy");
    const text = answer.body.toString("utf8");
    const policy: Policy = ok(answer.status)
      ? {
          min: Number(xmlTag(text, "MinimumPasswordLength") ?? 6),
          upper: xmlTag(text, "RequireUppercaseCharacters") === "true",
          lower: xmlTag(text, "RequireLowercaseCharacters") === "true",
          numbers: xmlTag(text, "RequireNumbers") === "true",
          symbols: xmlTag(text, "RequireSymbols") === "true",
          types: 0,
        }
      : { min: 8, upper: false, lower: false, numbers: false, symbols: false, types: 3 };
    const p = call.form.get("Password") ?? "";
    const has = { upper: /[A-Z]/.test(p), lower: /[a-z]/.test(p), numbers: /[0-9]/.test(p), symbols: /[!@#$%^&*()_+\-=[\]{}|']/.test(p) };
    const problem =
      p.length < policy.min
        ? `Password should have a minimum length of ${policy.min}`
        : policy.upper && !has.upper
          ? "Password should have at least one uppercase letter"
          : policy.lower && !has.lower
            ? "Password should have at least one lowercase letter"
            : policy.numbers && !has.numbers
              ? "Password should have at least one number"
              : policy.symbols && !has.symbols
                ? "Password should have at least one symbol"
                : Object.values(has).filter(Boolean).length < policy.types
                  ? `Password should have at least ${policy.types} of the following character types: uppercase letters, lowercase letters, numbers, symbols`
                  : undefined;
    return problem ? awsError(call, 400, "PasswordPolicyViolation", problem) : undefined;
  },
};

type Recent = { users: Map<string, number>; members: Map<string, number>; profiles: Map<string, number>; deletedDevices: Map<string, number> };

const USER_CALLS = [
  "CreateLoginProfile",
  "UpdateLoginProfile",
  "AddUserToGroup",
  "GetUser",
  "ListMFADevices",
  "EnableMFADevice",
  "CreateAccessKey",
  "ListGroupsForUser",
];

/**
 * IAM is eventually consistent: "changes that you make are not always immediately visible
 * ... a user you create may not be usable at once", so for a short window (settings
 * .consistencyWindowMs) after a change the stand-in answers as IAM may: a just-made user is
 * NoSuchEntity to calls naming it and missing from ListUsers; a just-made console password is
 * NoSuchEntity to GetLoginProfile; a just-added member is missing from GetGroup; a
 * just-deleted virtual MFA device's name is still EntityAlreadyExists. Off by default;
 * tests switch it on for their account.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency
 */
export const iamEventualConsistency: Rule = {
  name: "iam-eventual-consistency",
  doc: "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency",
  defaultOn: false,
  applies: (call) => call.service === "iam",
  async before(call, ctx) {
    const recent = await recentFor(call, ctx);
    const fresh = (map: Map<string, number>, key: string) => ctx.now() - (map.get(key) ?? -Infinity) < ctx.settings.consistencyWindowMs;
    const user = lower(call.form.get("UserName"));
    if (USER_CALLS.includes(call.operation) && fresh(recent.users, user)) {
      return awsError(call, 404, "NoSuchEntity", `The user with name ${call.form.get("UserName")} cannot be found.`);
    }
    if (call.operation === "GetLoginProfile" && (fresh(recent.users, user) || fresh(recent.profiles, user))) {
      return awsError(call, 404, "NoSuchEntity", `Login Profile for User ${call.form.get("UserName")} cannot be found.`);
    }
    if (call.operation === "CreateVirtualMFADevice" && fresh(recent.deletedDevices, lower(call.form.get("VirtualMFADeviceName")))) {
      return awsError(call, 409, "EntityAlreadyExists", "MFADevice entity at the same path and name already exists.");
    }
    return undefined;
  },
  async after(call, answer, ctx) {
    const recent = await recentFor(call, ctx);
    const now = ctx.now();
    const window = ctx.settings.consistencyWindowMs;
    if (!ok(answer.status)) return;
    const user = lower(call.form.get("UserName"));
    switch (call.operation) {
      case "CreateUser":
        recent.users.set(user, now);
        return;
      case "CreateLoginProfile":
        recent.profiles.set(user, now);
        return;
      case "AddUserToGroup":
        recent.members.set(`${lower(call.form.get("GroupName"))}/${user}`, now);
        return;
      case "DeleteVirtualMFADevice":
        recent.deletedDevices.set(lower((call.form.get("SerialNumber") ?? "").split(":mfa/").pop()?.split("/").pop()), now);
        return;
      case "GetGroup":
      case "ListUsers": {
        const group = lower(call.form.get("GroupName"));
        const hidden = (name: string) =>
          call.operation === "GetGroup" ? now - (recent.members.get(`${group}/${lower(name)}`) ?? -Infinity) < window : now - (recent.users.get(lower(name)) ?? -Infinity) < window;
        const text = answer.body.toString("utf8");
        const stale = text.replace(/<member>(?:(?!<\/member>)[\s\S])*?<UserName>([^<]*)<\/UserName>[\s\S]*?<\/member>/g, (m, name: string) => (hidden(name) ? "" : m));
        return stale === text ? undefined : { ...answer, body: Buffer.from(stale) };
      }
    }
  },
};

async function recentFor(call: Call, ctx: Ctx): Promise<Recent> {
  const { account } = await ctx.identity(call);
  const all = ctx.state(() => new Map<string, Recent>());
  let recent = all.get(account);
  if (!recent) all.set(account, (recent = { users: new Map(), members: new Map(), profiles: new Map(), deletedDevices: new Map() }));
  return recent;
}

/**
 * EnableMFADevice checks the two codes against the device's seed ("two consecutive
 * authentication codes"); moto accepts any. The seed is read off CreateVirtualMFADevice's
 * answer as it passes.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html
 */
export const mfaCodes: Rule = {
  name: "mfa-codes",
  doc: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html",
  defaultOn: true,
  applies: (call) => iam(call, "EnableMFADevice", "CreateVirtualMFADevice"),
  async before(call, ctx) {
    if (call.operation !== "EnableMFADevice") return undefined;
    const seed = ctx.state(() => new Map<string, string>()).get(call.form.get("SerialNumber") ?? "");
    if (!seed) return undefined;
    if (await codesValid(seed, call.form.get("AuthenticationCode1") ?? "", call.form.get("AuthenticationCode2") ?? "")) return undefined;
    return awsError(call, 403, "InvalidAuthenticationCode", "Authentication code for device is not valid.");
  },
  after(call, answer, ctx) {
    if (call.operation !== "CreateVirtualMFADevice" || !ok(answer.status)) return;
    const text = answer.body.toString("utf8");
    const serial = xmlTag(text, "SerialNumber");
    const seed = xmlTag(text, "Base32StringSeed");
    // The wire carries the Base32 text base64-encoded (a blob).
    if (serial && seed) ctx.state(() => new Map<string, string>()).set(serial, Buffer.from(seed, "base64").toString("utf8"));
  },
};

/** AWS accepts two consecutive codes from a small window around its own clock. */
async function codesValid(seed: string, code1: string, code2: string): Promise<boolean> {
  const now = Math.floor(Date.now() / 1000);
  for (let step = -4; step <= 2; step++) {
    const epoch = now + step * 30;
    if ((await generate({ secret: seed, epoch })) === code1 && (await generate({ secret: seed, epoch: epoch + 30 })) === code2) return true;
  }
  return false;
}

/**
 * Tags on a virtual MFA device: CreateVirtualMFADevice takes Tags and ListMFADeviceTags
 * lists them; moto answers ListMFADeviceTags with an HTTP 500. A stand-in for that call:
 * tags are read off CreateVirtualMFADevice (and TagMFADevice) requests as they pass.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADeviceTags.html
 */
export const mfaDeviceTags: Rule = {
  name: "mfa-device-tags",
  doc: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADeviceTags.html",
  defaultOn: true,
  applies: (call) => iam(call, "CreateVirtualMFADevice", "TagMFADevice", "ListMFADeviceTags", "DeleteVirtualMFADevice"),
  async before(call, ctx) {
    if (call.operation !== "ListMFADeviceTags") return undefined;
    const serial = call.form.get("SerialNumber") ?? "";
    const list = await ctx.moto.query(call, "iam", "ListVirtualMFADevices", { AssignmentStatus: "Any" });
    if (!xmlTags(list.body.toString("utf8"), "SerialNumber").includes(serial)) {
      return awsError(call, 404, "NoSuchEntity", `MFA device with serial number ${serial} cannot be found.`);
    }
    const tags = ctx.state(() => new Map<string, [string, string][]>()).get(serial) ?? [];
    const members = tags.map(([k, v]) => `<member><Key>${xmlEscape(k)}</Key><Value>${xmlEscape(v)}</Value></member>`).join("");
    return queryOk("iam", "ListMFADeviceTags", `<Tags>${members}</Tags><IsTruncated>false</IsTruncated>`);
  },
  after(call, answer, ctx) {
    if (!ok(answer.status)) return;
    const all = ctx.state(() => new Map<string, [string, string][]>());
    const tagsOf = () => {
      const out: [string, string][] = [];
      for (let i = 1; call.form.has(`Tags.member.${i}.Key`); i++) out.push([call.form.get(`Tags.member.${i}.Key`)!, call.form.get(`Tags.member.${i}.Value`) ?? ""]);
      return out;
    };
    if (call.operation === "CreateVirtualMFADevice") {
      const serial = xmlTag(answer.body.toString("utf8"), "SerialNumber");
      if (serial) all.set(serial, tagsOf());
    } else if (call.operation === "TagMFADevice") {
      const serial = call.form.get("SerialNumber") ?? "";
      const merged = new Map([...(all.get(serial) ?? []), ...tagsOf()]);
      all.set(serial, [...merged]);
    } else if (call.operation === "DeleteVirtualMFADevice") {
      all.delete(call.form.get("SerialNumber") ?? "");
    }
  },
};

/**
 * GetAccountSummary's AccountPasswordPresent: 1 when the root user has a password (every
 * standalone account), 0 when it has none, as in a member account whose root access AWS
 * Organizations manages centrally and whose root credentials were deleted. moto leaves the
 * key out. An account configured with `rootCredentials: "none"` reports no root password,
 * access keys, signing certificates or MFA.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management
 */
export const rootCredentials: Rule = {
  name: "root-credentials",
  doc: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html",
  defaultOn: true,
  applies: (call) => iam(call, "GetAccountSummary"),
  async after(call, answer, ctx) {
    if (!ok(answer.status)) return;
    const none = ctx.options((await ctx.identity(call)).account).rootCredentials === "none";
    let text = answer.body.toString("utf8");
    const set = (key: string, value: number) => {
      const entry = `<entry><key>${key}</key><value>${value}</value></entry>`;
      const existing = new RegExp(`<entry><key>${key}</key><value>[^<]*</value></entry>`);
      text = existing.test(text) ? text.replace(existing, entry) : text.replace("<SummaryMap>", `<SummaryMap>${entry}`);
    };
    set("AccountPasswordPresent", none ? 0 : 1);
    if (none) for (const key of ["AccountMFAEnabled", "AccountAccessKeysPresent", "AccountSigningCertificatesPresent"]) set(key, 0);
    return { ...answer, body: Buffer.from(text) };
  },
};
