import type { Rule } from "../types";
import { awsError, queryOk, xmlEscape, xmlTag } from "../wire";

type Issued = Map<string, { mfa: boolean }>;

/**
 * GetSessionToken credentials as AWS issues them. moto answers GetSessionToken with a fixed
 * example key pair in its default account; the stand-in issues keys that act in the caller's
 * own account (through moto's AssumeRole), say who they belong to as AWS does (the IAM
 * user, not a role), and enforce the limits of the API reference:
 * "You cannot call any IAM API operations unless MFA authentication information is included
 * in the request. You cannot call any STS API except AssumeRole or GetCallerIdentity."
 * IAM answers such a call with InvalidClientTokenId.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html
 */
export const sessionTokenCredentials: Rule = {
  name: "session-token-credentials",
  doc: "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html",
  defaultOn: true,
  applies: (call, ctx) => (call.service === "sts" && call.operation === "GetSessionToken") || ctx.state<Issued>(() => new Map()).has(call.accessKeyId),
  async before(call, ctx) {
    const issued = ctx.state<Issued>(() => new Map());
    const mine = issued.get(call.accessKeyId);
    if (call.operation === "GetSessionToken" && call.service === "sts") {
      const caller = await ctx.identity(call);
      // "GetSessionToken must be called using the long-term security credentials of the root user or an IAM user."
      if (mine || caller.arn.includes(":assumed-role/")) {
        return awsError(call, 403, "AccessDenied", "Cannot call GetSessionToken with session credentials");
      }
      const duration = Number(call.form.get("DurationSeconds") ?? 43_200);
      const mfa = Boolean(call.form.get("SerialNumber") && call.form.get("TokenCode"));
      const minted = await ctx.moto.query(call, "sts", "AssumeRole", {
        RoleArn: `arn:aws:iam::${caller.account}:role/strict-aws-get-session-token`,
        RoleSessionName: "get-session-token",
        DurationSeconds: "3600",
      });
      const text = minted.body.toString("utf8");
      const key = xmlTag(text, "AccessKeyId")!;
      issued.set(key, { mfa });
      ctx.registerIdentity(key, caller);
      const expiration = new Date(ctx.now() + duration * 1000).toISOString();
      return queryOk(
        "sts",
        "GetSessionToken",
        `<Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>${xmlTag(text, "SecretAccessKey")}</SecretAccessKey>` +
          `<SessionToken>${xmlTag(text, "SessionToken")}</SessionToken><Expiration>${expiration}</Expiration></Credentials>`,
      );
    }
    if (!mine) return undefined;
    if (call.service === "iam" && !mine.mfa) {
      return awsError(call, 403, "InvalidClientTokenId", "The security token included in the request is invalid");
    }
    if (call.service === "sts") {
      if (call.operation === "GetCallerIdentity") {
        const who = await ctx.identity(call);
        return queryOk(
          "sts",
          "GetCallerIdentity",
          `<Arn>${xmlEscape(who.arn)}</Arn><UserId>AIDASTRICTAWS${who.account}</UserId><Account>${who.account}</Account>`,
        );
      }
      if (call.operation !== "AssumeRole") {
        return awsError(call, 403, "AccessDenied", `Cannot call ${call.operation} with session credentials from GetSessionToken`);
      }
    }
    return undefined;
  },
};

/** moto's answer for keys it never issued: its default account (test attendees never use it). */
const MOTO_DEFAULT_ACCOUNT = "123456789012";

/**
 * Keys AWS never issued are refused: "The security token included in the request is
 * invalid" (InvalidClientTokenId, HTTP 403). moto answers any key, acting in its default
 * account for keys it did not issue, so made-up credentials would sign in. The rule looks at
 * GetCallerIdentity alone (how Hajime verifies a paste); keys this stand-in issued
 * (GetSessionToken) are answered by their own rule first.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
export const unknownAccessKeys: Rule = {
  name: "unknown-access-keys",
  doc: "https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html",
  defaultOn: true,
  applies: (call) => call.service === "sts" && call.operation === "GetCallerIdentity",
  async before(call, ctx) {
    const who = await ctx.identity(call);
    if (who.account !== MOTO_DEFAULT_ACCOUNT) return undefined;
    return awsError(call, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
  },
};

/**
 * Temporary credentials stop working at their expiration: every call signed with them is
 * refused, "The security token included in the request is expired" (ExpiredToken, HTTP 403).
 * moto never expires what it issues, so a test names the keys whose time has passed
 * (`expiredAccessKeys` of the account), as an attendee's CloudShell or Identity Center
 * credentials do mid-workshop when their expiry was not pasted.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
export const expiredCredentials: Rule = {
  name: "expired-credentials",
  doc: "https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html",
  defaultOn: true,
  applies: (call) => call.accessKeyId !== "",
  async before(call, ctx) {
    const who = await ctx.identity(call);
    if (!ctx.options(who.account).expiredAccessKeys?.includes(call.accessKeyId)) return undefined;
    const query = call.service === "iam" || call.service === "sts" || call.service === "s3";
    return awsError(call, 403, query ? "ExpiredToken" : "ExpiredTokenException", "The security token included in the request is expired");
  },
};
