import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { clientKey } from "@/lib/limits/address";
import { lookUpRoom } from "./lookup";
import { normalizeCode, type RoomInfo } from "./model";
import { rooms } from "./service";

/**
 * The room as one page render reads it: generateMetadata and the page share the read (React's
 * cache lives for one server-component request). Pages only: server actions and route
 * handlers read the store themselves.
 */
export const pageRoomInfo = cache((code: string): Promise<RoomInfo | undefined> => rooms().info(code));

/**
 * The room a page's [room] segment names; a lower-case or spaced code redirects to the
 * canonical one. Unknown codes count against the client (./lookup.ts); a client over the
 * limit is sent to a page that says how long to wait.
 */
export async function pageRoom(locale: string, param: string, suffix = ""): Promise<RoomInfo> {
  let decoded = param;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    // a malformed escape is simply not a code
  }
  const code = normalizeCode(decoded);
  if (code && code !== param) redirect(`/${locale}/r/${code}${suffix}`);
  const found = await lookUpRoom(code ?? decoded, await clientKey(), pageRoomInfo);
  if (found.ok) return found.room;
  if (found.failure.code === "rate-limited") redirect(`/${locale}/wait?seconds=${found.failure.params?.seconds ?? 60}`);
  notFound();
}
