import "server-only";
import { cookies } from "next/headers";
import { isHttpsRequest } from "@/lib/limits/address";

export const SESSION_COOKIE = "hajime_session";

export async function readSessionId(): Promise<string | undefined> {
  const id = (await cookies()).get(SESSION_COOKIE)?.value;
  // A session id is 43 base64url characters; anything else is not worth a lookup.
  return id && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : undefined;
}

export async function writeSessionCookie(id: string, expiresAt: number): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "strict",
    secure: await isHttpsRequest(),
    path: "/",
    maxAge: Math.max(1, Math.floor((expiresAt - Date.now()) / 1000)),
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
