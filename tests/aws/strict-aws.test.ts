import { CreateTrailCommand, GetEventSelectorsCommand } from "@aws-sdk/client-cloudtrail";
import { CreateDetectorCommand, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  DeactivateMFADeviceCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteGroupCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  ListMFADeviceTagsCommand,
  ListUsersCommand,
} from "@aws-sdk/client-iam";
import { CreateBucketCommand, DeleteBucketCommand } from "@aws-sdk/client-s3";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { errorName, toFailure } from "@/lib/aws/errors";
import { RULES } from "../support/strict-aws/rules";
import { attendee } from "./attendee";
import { givenTrail, uniqueBucket } from "./logging-support";
import { strictAws } from "./strict";

/**
 * The stricter AWS stand-in itself: each rule answers as its AWS page says, where moto
 * would let the call through. (Hajime's own tests rely on these answers.)
 */
const failsWith = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    return errorName(error);
  }
  return "succeeded";
};

describe("the stricter AWS stand-in", () => {
  it("cites an AWS documentation page for every rule", () => {
    for (const rule of RULES) expect(rule.doc, rule.name).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });

  it("DeleteConflict: a user with a password, a group with members; an unused MFA device deletes", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateGroupCommand({ GroupName: "admin" }));
    await aws.iam.send(new CreateUserCommand({ UserName: "taro" }));
    await aws.iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: "Kd7#mPq2xW!vT9" }));
    await aws.iam.send(new AddUserToGroupCommand({ UserName: "taro", GroupName: "admin" }));
    expect(await failsWith(aws.iam.send(new DeleteUserCommand({ UserName: "taro" })))).toBe("DeleteConflictException");
    expect(await failsWith(aws.iam.send(new DeleteGroupCommand({ GroupName: "admin" })))).toBe("DeleteConflictException");
    const device = (await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "d" }))).VirtualMFADevice!;
    expect(await failsWith(aws.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })))).toBe("succeeded");
  });

  it("DeleteConflict: a user with access keys or an attached policy, a group with a policy, an MFA device still enabled", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateUserCommand({ UserName: "keys-only" }));
    await aws.iam.send(new CreateAccessKeyCommand({ UserName: "keys-only" }));
    expect(await failsWith(aws.iam.send(new DeleteUserCommand({ UserName: "keys-only" })))).toBe("DeleteConflictException");
    const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    await aws.iam.send(new CreateUserCommand({ UserName: "with-policy" }));
    await aws.iam.send(new AttachUserPolicyCommand({ UserName: "with-policy", PolicyArn: admin }));
    expect(await failsWith(aws.iam.send(new DeleteUserCommand({ UserName: "with-policy" })))).toBe("DeleteConflictException");
    await aws.iam.send(new CreateGroupCommand({ GroupName: "ops" }));
    await aws.iam.send(new AttachGroupPolicyCommand({ GroupName: "ops", PolicyArn: admin }));
    expect(await failsWith(aws.iam.send(new DeleteGroupCommand({ GroupName: "ops" })))).toBe("DeleteConflictException");

    // An enabled device: neither the device nor its user can go until it is deactivated.
    await aws.iam.send(new CreateUserCommand({ UserName: "hanako" }));
    const device = (await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "hanako" }))).VirtualMFADevice!;
    const seed = Buffer.from(device.Base32StringSeed!).toString("utf8");
    const now = Math.floor(Date.now() / 1000);
    await aws.iam.send(
      new EnableMFADeviceCommand({
        UserName: "hanako",
        SerialNumber: device.SerialNumber,
        AuthenticationCode1: await generate({ secret: seed, epoch: now - 30 }),
        AuthenticationCode2: await generate({ secret: seed, epoch: now }),
      }),
    );
    expect(await failsWith(aws.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })))).toBe("DeleteConflictException");
    expect(await failsWith(aws.iam.send(new DeleteUserCommand({ UserName: "hanako" })))).toBe("DeleteConflictException");
    await aws.iam.send(new DeactivateMFADeviceCommand({ UserName: "hanako", SerialNumber: device.SerialNumber }));
    await aws.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber }));
    await aws.iam.send(new DeleteUserCommand({ UserName: "hanako" }));
  });

  it("PasswordPolicyViolation: AWS's default rules when the account has no policy", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateUserCommand({ UserName: "taro" }));
    expect(await failsWith(aws.iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: "alllowercase" })))).toBe("PasswordPolicyViolationException");
    expect(await failsWith(aws.iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: "Lower-and-UPPER" })))).toBe("succeeded");
  });

  it("InvalidAuthenticationCode for codes that are not the device's", async () => {
    const { aws } = await attendee();
    await aws.iam.send(new CreateUserCommand({ UserName: "taro" }));
    const device = (await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "taro" }))).VirtualMFADevice!;
    const enable = aws.iam.send(new EnableMFADeviceCommand({ UserName: "taro", SerialNumber: device.SerialNumber, AuthenticationCode1: "123456", AuthenticationCode2: "234567" }));
    expect(await failsWith(enable)).toBe("InvalidAuthenticationCodeException");
  });

  it("ListMFADeviceTags answers the tags a device was made with (moto lacks the call)", async () => {
    const { aws } = await attendee();
    const device = (await aws.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "d", Tags: [{ Key: "k", Value: "v" }] }))).VirtualMFADevice!;
    expect((await aws.iam.send(new ListMFADeviceTagsCommand({ SerialNumber: device.SerialNumber }))).Tags).toEqual([{ Key: "k", Value: "v" }]);
  });

  it("AccountPasswordPresent in GetAccountSummary: 1 for a standalone account", async () => {
    const { aws } = await attendee();
    expect((await aws.iam.send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({ AccountPasswordPresent: 1 });
  });

  it("CloudTrail: no trail without the bucket policy, no name twice, no sixth trail in a Region; the default selectors", async () => {
    const { aws } = await attendee();
    const bare = uniqueBucket("bare");
    await aws.s3.send(new CreateBucketCommand({ Bucket: bare, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
    expect(await failsWith(aws.cloudtrail.send(new CreateTrailCommand({ Name: "t-0", S3BucketName: bare })))).toBe("InsufficientS3BucketPolicyException");
    const { bucket } = await givenTrail(aws, { name: "t-1", logging: false });
    expect(await failsWith(aws.cloudtrail.send(new CreateTrailCommand({ Name: "t-1", S3BucketName: bucket })))).toBe("TrailAlreadyExistsException");
    for (const n of [2, 3, 4, 5]) await givenTrail(aws, { name: `t-${n}`, bucket, logging: false });
    expect(await failsWith(aws.cloudtrail.send(new CreateTrailCommand({ Name: "t-6", S3BucketName: bucket })))).toBe("MaximumNumberOfTrailsExceededException");
    expect((await aws.cloudtrail.send(new GetEventSelectorsCommand({ TrailName: "t-1" }))).EventSelectors).toEqual([
      { ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
    ]);
  });

  it("GuardDuty: one detector per Region", async () => {
    const { aws } = await attendee();
    await aws.guardduty.send(new CreateDetectorCommand({ Enable: true }));
    expect(await failsWith(aws.guardduty.send(new CreateDetectorCommand({ Enable: true })))).toBe("BadRequestException");
  });

  it("S3: OperationAborted when a just-deleted bucket name is made again", async () => {
    const { aws } = await attendee();
    const bucket = uniqueBucket();
    const make = () => aws.s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
    await make();
    await aws.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    expect(await failsWith(make())).toBe("OperationAborted");
  });

  it("IAM's eventual consistency, switched on for one account: a new user is NoSuchEntity, then there", async () => {
    const { aws, accountId } = await attendee();
    strictAws().configure(accountId, { rules: { "iam-eventual-consistency": true } });
    await aws.iam.send(new CreateUserCommand({ UserName: "taro" }));
    expect(await failsWith(aws.iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: "Kd7#mPq2xW!vT9" })))).toBe("NoSuchEntityException");
    expect(((await aws.iam.send(new ListUsersCommand({}))).Users ?? []).map((u) => u.UserName)).toEqual([]);
    await new Promise((r) => setTimeout(r, strictAws().settings.consistencyWindowMs));
    await aws.iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: "Kd7#mPq2xW!vT9" }));
    expect(await failsWith(aws.iam.send(new GetLoginProfileCommand({ UserName: "taro" })))).toBe("NoSuchEntityException");
    // Off for every other account.
    const other = await attendee();
    await other.aws.iam.send(new CreateUserCommand({ UserName: "taro" }));
    await other.aws.iam.send(new CreateLoginProfileCommand({ UserName: "taro", Password: "Kd7#mPq2xW!vT9" }));
  });

  it("ExpiredToken for keys whose expiration has passed, in every service; other keys of the account still work", async () => {
    const { aws, accountId, keys } = await attendee();
    strictAws().configure(accountId, { expiredAccessKeys: [keys.accessKeyId] });
    const iamError = await aws.iam.send(new GetAccountSummaryCommand({})).catch((e: unknown) => e);
    expect(errorName(iamError)).toBe("ExpiredToken");
    expect(toFailure(iamError).code).toBe("expired");
    expect(await failsWith(aws.guardduty.send(new ListDetectorsCommand({})))).toBe("ExpiredTokenException");
    const again = await attendee("ap-northeast-1", accountId);
    await again.aws.iam.send(new GetAccountSummaryCommand({}));
  });
});
