import { describe, expect, it } from "vitest";
import { mergePasswordPolicy } from "./policy-merge";

const ALL_CLASSES = {
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

describe("mergePasswordPolicy (UpdateAccountPasswordPolicy has no partial update)", () => {
  it("sends the full baseline when the account has no policy", () => {
    for (const current of [null, undefined, {}]) {
      expect(mergePasswordPolicy(current)).toEqual({
        MinimumPasswordLength: 8,
        ...ALL_CLASSES,
        AllowUsersToChangePassword: true,
        HardExpiry: false,
      });
    }
  });

  it("raises a length below the baseline and keeps a longer one", () => {
    expect(mergePasswordPolicy({ MinimumPasswordLength: 6 }).MinimumPasswordLength).toBe(8);
    expect(mergePasswordPolicy({ MinimumPasswordLength: 8 }).MinimumPasswordLength).toBe(8);
    expect(mergePasswordPolicy({ MinimumPasswordLength: 20 }).MinimumPasswordLength).toBe(20);
  });

  it("uses the length asked for (CIS 14) unless the account already asks for more", () => {
    expect(mergePasswordPolicy(null, 14).MinimumPasswordLength).toBe(14);
    expect(mergePasswordPolicy({ MinimumPasswordLength: 10 }, 14).MinimumPasswordLength).toBe(14);
    expect(mergePasswordPolicy({ MinimumPasswordLength: 16 }, 14).MinimumPasswordLength).toBe(16);
    // Never below the baseline, never above IAM's maximum.
    expect(mergePasswordPolicy(null, 4).MinimumPasswordLength).toBe(8);
    expect(mergePasswordPolicy({ MinimumPasswordLength: 128 }, 200).MinimumPasswordLength).toBe(128);
  });

  it("requires all four character classes whatever the account had", () => {
    const off = { RequireUppercaseCharacters: false, RequireLowercaseCharacters: false, RequireNumbers: false, RequireSymbols: false };
    expect(mergePasswordPolicy(off)).toMatchObject(ALL_CLASSES);
    expect(mergePasswordPolicy(ALL_CLASSES)).toMatchObject(ALL_CLASSES);
  });

  it("keeps the attendee's choice about changing one's own password; defaults it to allowed", () => {
    expect(mergePasswordPolicy({ AllowUsersToChangePassword: false }).AllowUsersToChangePassword).toBe(false);
    expect(mergePasswordPolicy({ AllowUsersToChangePassword: true }).AllowUsersToChangePassword).toBe(true);
    expect(mergePasswordPolicy({}).AllowUsersToChangePassword).toBe(true);
  });

  it("keeps hard expiry", () => {
    expect(mergePasswordPolicy({ HardExpiry: true }).HardExpiry).toBe(true);
    expect(mergePasswordPolicy({ HardExpiry: false }).HardExpiry).toBe(false);
  });

  it("keeps password expiry and reuse prevention, and leaves them out when unset or 0", () => {
    const kept = mergePasswordPolicy({ MaxPasswordAge: 90, PasswordReusePrevention: 24 });
    expect(kept).toMatchObject({ MaxPasswordAge: 90, PasswordReusePrevention: 24 });
    for (const current of [{}, { MaxPasswordAge: 0, PasswordReusePrevention: 0 }]) {
      const merged = mergePasswordPolicy(current);
      expect(merged).not.toHaveProperty("MaxPasswordAge");
      expect(merged).not.toHaveProperty("PasswordReusePrevention");
    }
  });

  it("sends every field of a fully set stricter policy back unchanged", () => {
    const strict = {
      MinimumPasswordLength: 32,
      ...ALL_CLASSES,
      AllowUsersToChangePassword: false,
      HardExpiry: true,
      MaxPasswordAge: 30,
      PasswordReusePrevention: 5,
      ExpirePasswords: true,
    };
    const { ExpirePasswords: _readOnly, ...writable } = strict;
    expect(mergePasswordPolicy(strict)).toEqual(writable);
  });
});
