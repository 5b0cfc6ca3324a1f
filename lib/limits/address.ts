import "server-only";
import { headers } from "next/headers";
import { CLIENT_HEADER, FRONT_DOOR, limitKey } from "@/server/forwarded.mjs";

/**
 * Where a request came from, as server/main.mjs resolved it: the TCP peer, or the client a
 * trusted proxy vouched for. Under any other server (`next dev`, a bare `next start`) the
 * headers are the client's own words, so every such request counts as one address.
 */

const fromFrontDoor = () => (globalThis as Record<symbol, unknown>)[FRONT_DOOR] === true;

export async function clientAddress(): Promise<string> {
  if (!fromFrontDoor()) return "unverified";
  return (await headers()).get(CLIENT_HEADER) ?? "unknown";
}

/** The key rate limits use for this request's client (an IPv6 client counts as its /64). */
export async function clientKey(): Promise<string> {
  return limitKey(await clientAddress());
}

export function clientKeyFrom(request: Request): string {
  return limitKey(fromFrontDoor() ? (request.headers.get(CLIENT_HEADER) ?? "unknown") : "unverified");
}

/** Whether the browser reached us over HTTPS (directly or through a trusted proxy). */
export async function isHttpsRequest(): Promise<boolean> {
  if (!fromFrontDoor()) return false;
  return (await headers()).get("x-forwarded-proto") === "https";
}
