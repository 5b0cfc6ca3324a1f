/**
 * The otpauth:// URI an authenticator app reads from the QR code, as the AWS console makes
 * it for a virtual MFA device: issuer "Amazon Web Services", label
 * "Amazon Web Services:<user>@<account alias or id>", TOTP with SHA-1, 6 digits, 30 s.
 */

export const MFA_ISSUER = "Amazon Web Services";

export type OtpauthInput = {
  /** Base32 seed from CreateVirtualMFADevice. */
  secret: string;
  userName: string;
  /** The account alias when there is one, else the 12-digit account id. */
  account: string;
};

export function otpauthUri({ secret, userName, account }: OtpauthInput): string {
  const label = `${encodeURIComponent(MFA_ISSUER)}:${encodeURIComponent(`${userName}@${account}`)}`;
  const params = new URLSearchParams({
    secret: normaliseSecret(secret),
    issuer: MFA_ISSUER,
    algorithm: "SHA1",
    digits: "6",
    period: "30",
  });
  // URLSearchParams writes spaces as "+", which some authenticator apps show literally.
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, "%20")}`;
}

/** Base32 without padding or spaces, upper case: what every authenticator app accepts. */
export function normaliseSecret(secret: string): string {
  return secret.replace(/[\s=]/g, "").toUpperCase();
}

/** "ABCD EFGH IJKL …": easier to type by hand from a screen. */
export function groupSecret(secret: string, size = 4): string {
  return (normaliseSecret(secret).match(new RegExp(`.{1,${size}}`, "g")) ?? []).join(" ");
}
