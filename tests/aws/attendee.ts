import { motoEndpoint } from "./endpoint";
import { createAws, type Aws } from "@/lib/aws/clients";
import { newAttendee, type AttendeeKeys } from "../support/moto";

export type TestAttendee = { aws: Aws; keys: AttendeeKeys; accountId: string };

/** A test attendee in an account of its own (or new keys for `accountId`), with the SDK clients Hajime would build. */
export async function attendee(region = "ap-northeast-1", accountId?: string): Promise<TestAttendee> {
  const keys = await newAttendee(motoEndpoint(), accountId);
  const aws = createAws({ keys, region, accountId: keys.accountId });
  return { aws, keys, accountId: keys.accountId };
}
