import "server-only";
import {
  GetLoginProfileCommand,
  ListAccountAliasesCommand,
  ListMFADevicesCommand,
  paginateGetGroup,
  paginateListUsers,
} from "@aws-sdk/client-iam";
import { ADMIN_GROUP } from "@/lib/workshop/catalog";
import type { Aws } from "./clients";
import { errorName } from "./errors";
import { shareInFlight } from "./in-flight";

/** Reads about IAM users shared by steps 5 and 6. */

export function isNoSuchEntity(error: unknown): boolean {
  const name = errorName(error);
  return name === "NoSuchEntityException" || name === "NoSuchEntity";
}

export function isEntityAlreadyExists(error: unknown): boolean {
  const name = errorName(error);
  return name === "EntityAlreadyExistsException" || name === "EntityAlreadyExists";
}

/** Whether the group exists (GetGroup, one page). */
export async function groupExists(aws: Aws, groupName = ADMIN_GROUP): Promise<boolean> {
  // The same read as groupMembers, so steps 4–6 checked together share one.
  return (await groupMembers(aws, groupName)) !== null;
}

/** Names of the group's members, or null when the group does not exist. */
export function groupMembers(aws: Aws, groupName = ADMIN_GROUP): Promise<string[] | null> {
  return shareInFlight(aws, `GetGroup:${groupName}`, () => readGroupMembers(aws, groupName));
}

async function readGroupMembers(aws: Aws, groupName: string): Promise<string[] | null> {
  const names: string[] = [];
  try {
    for await (const page of paginateGetGroup({ client: aws.iam }, { GroupName: groupName })) {
      for (const user of page.Users ?? []) if (user.UserName) names.push(user.UserName);
    }
  } catch (error) {
    if (isNoSuchEntity(error)) return null;
    throw error;
  }
  return names;
}

export async function allUserNames(aws: Aws): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListUsers({ client: aws.iam }, {})) {
    for (const user of page.Users ?? []) if (user.UserName) names.push(user.UserName);
  }
  return names;
}

/** Whether the user has a console password (a login profile). */
export function hasConsolePassword(aws: Aws, userName: string): Promise<boolean> {
  return shareInFlight(aws, `GetLoginProfile:${userName}`, () => readHasConsolePassword(aws, userName));
}

async function readHasConsolePassword(aws: Aws, userName: string): Promise<boolean> {
  try {
    await aws.iam.send(new GetLoginProfileCommand({ UserName: userName }));
    return true;
  } catch (error) {
    if (isNoSuchEntity(error)) return false;
    throw error;
  }
}

/** Serial numbers of the MFA devices enabled for the user (virtual or hardware). */
export async function mfaSerials(aws: Aws, userName: string): Promise<string[]> {
  const out = await aws.iam.send(new ListMFADevicesCommand({ UserName: userName }));
  return (out.MFADevices ?? []).map((d) => d.SerialNumber ?? "").filter(Boolean);
}

/** The account alias when there is one, else the account id: what sign-in URLs and MFA labels use. */
export async function aliasOrAccountId(aws: Aws): Promise<string> {
  const out = await aws.iam.send(new ListAccountAliasesCommand({}));
  return out.AccountAliases?.[0] ?? aws.accountId;
}
