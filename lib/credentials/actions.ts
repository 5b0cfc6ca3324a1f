"use server";

import { z } from "zod";
import { DEFAULT_REGION, isRegion } from "@/lib/regions";
import { fail, ok, type Result } from "@/lib/result";
import { sessionAction } from "@/lib/actions/session-action";
import { clientKey } from "@/lib/limits/address";
import { admitPaste, pasteForm } from "./admission";
import { clearSessionCookie, readSessionId } from "./cookie";
import { sessionView } from "./sign-in";
import type { SessionView } from "./session-view";
import { forgetSession, updateSessionRegion } from "./vault";

export type SignInState = Result<SessionView> | null;

/** useActionState action: parse, verify with STS (within the admission limits), keep in memory, set the cookie. */
export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const fields = pasteForm.safeParse({ paste: form.get("paste") ?? "", region: form.get("region") ?? DEFAULT_REGION });
  if (!fields.success) return fail("paste-too-long");
  const admitted = await admitPaste(fields.data.paste, fields.data.region, await clientKey());
  if (!admitted.ok) return admitted;
  return ok(sessionView(admitted.data));
}

/** Forgets the credentials at once; the next request has none. */
export async function signOut(): Promise<Result<null>> {
  const id = await readSessionId();
  if (id) forgetSession(id, "signed-out");
  await clearSessionCookie();
  return ok(null);
}

/** Changes the session's Region (in memory only). */
export const changeRegion = sessionAction({
  args: z.tuple([z.string().refine(isRegion)]),
  invalid: fail("unknown-region"),
  // No limit: no AWS call is made; it changes one field of this session in memory.
  rateLimit: "none",
  budget: "no-aws",
  run: async ({ args: [region], session }) => {
    const updated = updateSessionRegion(session.id, region);
    if (!updated) return fail("not-signed-in", { why: "expired" });
    return ok(sessionView(updated));
  },
});
