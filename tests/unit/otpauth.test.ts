import { generate, verify } from "otplib";
import { describe, expect, it } from "vitest";
import { groupSecret, MFA_ISSUER, normaliseSecret, otpauthUri } from "@/lib/workshop/otpauth";

// A 40-byte seed as AWS gives it (64 Base32 characters).
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("otpauthUri", () => {
  it("makes the URI the AWS console puts in its QR code", () => {
    expect(otpauthUri({ secret: SECRET, userName: "taro", account: "123456789012" })).toBe(
      `otpauth://totp/Amazon%20Web%20Services:taro%40123456789012?secret=${SECRET}&issuer=Amazon%20Web%20Services&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it("parses back to issuer, label, and TOTP parameters", () => {
    const url = new URL(otpauthUri({ secret: SECRET, userName: "hana.ko+dev@example", account: "my-alias" }));
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(`${MFA_ISSUER}:hana.ko+dev@example@my-alias`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: SECRET,
      issuer: MFA_ISSUER,
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
    // No "+" for spaces: some apps show it literally.
    expect(url.search).not.toContain("+");
  });

  it("encodes characters of the label that would break the URI", () => {
    const uri = otpauthUri({ secret: SECRET, userName: "a,b=c", account: "x" });
    expect(uri).toContain("Amazon%20Web%20Services:a%2Cb%3Dc%40x?");
  });

  it("normalises the seed: no padding or spaces, upper case", () => {
    expect(normaliseSecret("jbsw y3dp ehpk 3pxp====")).toBe("JBSWY3DPEHPK3PXP");
    const uri = otpauthUri({ secret: "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp==", userName: "u", account: "a" });
    expect(new URL(uri).searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  });

  it("gives codes an authenticator app (otplib) computes and verifies from the URI's secret", async () => {
    const secret = new URL(otpauthUri({ secret: SECRET, userName: "taro", account: "1" })).searchParams.get("secret")!;
    const epoch = 1_700_000_000;
    const token = await generate({ secret, epoch });
    expect(token).toMatch(/^\d{6}$/);
    expect((await verify({ secret: SECRET, token, epoch })).valid).toBe(true);
  });
});

describe("groupSecret", () => {
  it("groups the seed in fours for typing by hand", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXPAB")).toBe("JBSW Y3DP EHPK 3PXP AB");
    expect(groupSecret(SECRET).split(" ")).toHaveLength(16);
    expect(groupSecret("")).toBe("");
  });
});
