"use server";

import { z } from "zod";
import { DEFAULT_REGION, isRegion } from "@/lib/aws/regions";
import { fail, ok, type Result } from "@/lib/aws/errors";
import { clearSessionCookie, readSessionId, writeSessionCookie } from "./cookie";
import { parseCredentialsPaste, MAX_PASTE_LENGTH } from "./parse";
import { sessionView, verifyCredentials } from "./sign-in";
import type { SessionView } from "./session-view";
import { forgetSession, putSession, updateSessionRegion } from "./vault";

export type SignInState = Result<SessionView> | null;

const signInForm = z.object({
  paste: z.string().max(MAX_PASTE_LENGTH + 1000),
  region: z.string().max(32),
});

/** useActionState action: parse, verify with STS, keep in memory, set the cookie. */
export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const fields = signInForm.safeParse({ paste: form.get("paste") ?? "", region: form.get("region") ?? DEFAULT_REGION });
  if (!fields.success) return fail("paste-too-long");
  if (!isRegion(fields.data.region)) return fail("unknown-region");

  const parsed = parseCredentialsPaste(fields.data.paste);
  if (!parsed.ok) return fail(`paste-${parsed.code}`);

  const verified = await verifyCredentials(parsed.credentials, fields.data.region);
  if (!verified.ok) return verified;

  const previous = await readSessionId();
  if (previous) forgetSession(previous);
  putSession(verified.data);
  await writeSessionCookie(verified.data.id, verified.data.expiresAt);
  return ok(sessionView(verified.data));
}

/** Forgets the credentials at once; the next request has none. */
export async function signOut(): Promise<Result<null>> {
  const id = await readSessionId();
  if (id) forgetSession(id);
  await clearSessionCookie();
  return ok(null);
}

export async function changeRegion(region: string): Promise<Result<SessionView>> {
  if (!isRegion(region)) return fail("unknown-region");
  const id = await readSessionId();
  const session = id ? updateSessionRegion(id, region) : undefined;
  if (!session) return fail("not-signed-in");
  return ok(sessionView(session));
}
