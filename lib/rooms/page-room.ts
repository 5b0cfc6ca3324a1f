import "server-only";
import { notFound, redirect } from "next/navigation";
import { normalizeCode, type RoomInfo } from "./model";
import { rooms } from "./service";

/** The room a page's [room] segment names; a lower-case or spaced code redirects to the canonical one. */
export function pageRoom(locale: string, param: string, suffix = ""): RoomInfo {
  const code = normalizeCode(decodeURIComponent(param));
  if (!code) notFound();
  if (code !== param) redirect(`/${locale}/r/${code}${suffix}`);
  const room = rooms().info(code);
  if (!room) notFound();
  return room;
}
