import type { BlockList } from "node:net";

export const CLIENT_HEADER: "x-hajime-client";
export const FRONT_DOOR: unique symbol;

export function trustedProxies(spec?: string): BlockList;
export function normalizeAddress(raw: unknown): string | undefined;
export function resolveClient(
  request: { peer: string | undefined; forwardedFor?: string | string[]; forwardedProto?: string | string[]; encrypted?: boolean },
  trusted: BlockList,
): { client: string; proto: "http" | "https"; proxied: boolean };
export function limitKey(address: string): string;
