import "server-only";
import { cookies } from "next/headers";
import { isHttpsRequest } from "@/lib/limits/address";
import { routing } from "@/i18n/routing";

/**
 * Attendee and organizer cookies, each scoped by path to one room: the room's pages in
 * every language and its API routes. A request therefore carries the cookie of the room
 * it is about and no other, so a check run from /ja/r/ABC234 records progress in ABC234
 * (and one from /solo in no room). Next keeps one Set-Cookie per name, so each path gets
 * its own name (hajime_att_ja, hajime_att_en, hajime_att_api).
 */

const ATTENDEE = "hajime_att_";
const ORGANIZER = "hajime_org_";
const WEEK = 7 * 24 * 60 * 60;

type Scope = { suffix: string; path: string };

function attendeeScopes(code: string): Scope[] {
  return [...routing.locales.map((l) => ({ suffix: l, path: `/${l}/r/${code}` })), { suffix: "api", path: `/api/rooms/${code}` }];
}

function organizerScopes(code: string): Scope[] {
  return [
    ...routing.locales.map((l) => ({ suffix: l, path: `/${l}/r/${code}/organize` })),
    { suffix: "api", path: `/api/rooms/${code}` },
  ];
}

async function write(prefix: string, scopes: Scope[], value: string, sameSite: "lax" | "strict"): Promise<void> {
  const jar = await cookies();
  const secure = await isHttpsRequest();
  for (const s of scopes) jar.set(`${prefix}${s.suffix}`, value, { httpOnly: true, sameSite, secure, path: s.path, maxAge: WEEK });
}

async function clear(prefix: string, scopes: Scope[]): Promise<void> {
  const jar = await cookies();
  for (const s of scopes) jar.delete({ name: `${prefix}${s.suffix}`, path: s.path });
}

async function read(prefix: string): Promise<string | undefined> {
  return (await cookies()).getAll().find((c) => c.name.startsWith(prefix))?.value;
}

/**
 * Lax rather than Strict: an attendee arriving from a QR scan (another app) must be
 * recognised at once. The token only says who they are in the room; it unlocks nothing else.
 */
export const writeAttendeeCookie = (code: string, token: string) => write(ATTENDEE, attendeeScopes(code), token, "lax");
export const clearAttendeeCookie = (code: string) => clear(ATTENDEE, attendeeScopes(code));
export const readAttendeeToken = () => read(ATTENDEE);

export const writeOrganizerCookie = (code: string, key: string) => write(ORGANIZER, organizerScopes(code), key, "strict");
export const clearOrganizerCookie = (code: string) => clear(ORGANIZER, organizerScopes(code));
export const readOrganizerKey = () => read(ORGANIZER);
