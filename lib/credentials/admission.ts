import "server-only";
import { z } from "zod";
import { isRegion } from "@/lib/regions";
import { fail, type Result } from "@/lib/result";
import { accountKey } from "@/lib/db/account-key";
import { caps } from "@/lib/limits/config";
import { Gate } from "@/lib/limits/gate";
import { over, take } from "@/lib/limits/rate";
import { readSessionId, writeSessionCookie } from "./cookie";
import { MAX_PASTE_LENGTH, parseCredentialsPaste, type ParsedCredentials } from "./parse";
import { verifyCredentials } from "./sign-in";
import { keepSession, sessionsFromAccessKey } from "./session-places";
import type { Session } from "./vault";

/**
 * Who may become a session, and at what cost to the server. In order, cheapest first:
 * - an access key id that already holds its account's share of sessions is refused before
 *   STS is asked again (one valid paste replayed thousands of times costs nothing);
 * - a client address whose sign-ins STS keeps refusing is paused (only failures count: a
 *   venue's attendees share one address and must all get in);
 * - at most 16 STS calls at once, with a bounded queue; beyond it, "busy, try again";
 * - per AWS account, a cap on live sessions and on sign-ins per 10 minutes;
 * - in all, a cap on live sessions sized to the server's heap.
 * With DATABASE_URL the session counts per account and access key, and the rate limits, cover
 * every instance (./session-places.ts, lib/limits/rate.ts); the total is this process's.
 */

const GATE_KEY = Symbol.for("hajime.credentials.gate");
const g = globalThis as unknown as Record<symbol, Gate | undefined>;
const gate = (g[GATE_KEY] ??= new Gate(caps.verifyConcurrency, caps.verifyQueue));

/** Failures that say the paste was no good (as opposed to AWS or the network being down). */
const REFUSED = new Set(["invalid-credentials", "expired", "access-denied", "aws-error"]);

export async function admit(
  parsed: ParsedCredentials,
  region: string,
  opts: { clientKey: string; replaces?: string },
): Promise<Result<Session>> {
  if ((await sessionsFromAccessKey(parsed.accessKeyId)) >= caps.sessionsPerAccount) return fail("too-many-sessions");
  const paused = await over("signInFailure", opts.clientKey);
  if (paused) return paused;

  const turn = await gate.run(() => verifyCredentials(parsed, region));
  if (!turn) return fail("server-busy", { seconds: 5 });
  const verified = turn.value;
  if (!verified.ok) {
    if (REFUSED.has(verified.code)) await take("signInFailure", opts.clientKey);
    return verified;
  }

  const account = accountKey(verified.data.identity.accountId);
  const limited = await take("signInAccount", account);
  if (limited) return limited;
  const refused = await keepSession(verified.data, { total: caps.sessions, perAccount: caps.sessionsPerAccount }, opts.replaces);
  if (refused === "full") return fail("server-full");
  if (refused === "account-full") return fail("too-many-sessions");
  return verified;
}

/** A sign-in form's raw fields (sign-in, and joining a room with a paste); too long: "paste-too-long". */
export const pasteForm = z.object({
  paste: z.string().max(MAX_PASTE_LENGTH + 1000),
  region: z.string().max(32),
});

/**
 * Signs this browser in from a paste: checks the Region, parses the paste, admits the
 * credentials (replacing the browser's previous session), then sets the session cookie.
 */
export async function admitPaste(paste: string, region: string, clientKey: string): Promise<Result<Session>> {
  if (!isRegion(region)) return fail("unknown-region");
  const parsed = parseCredentialsPaste(paste);
  if (!parsed.ok) return fail(`paste-${parsed.code}`);
  const admitted = await admit(parsed.credentials, region, { clientKey, replaces: await readSessionId() });
  if (admitted.ok) await writeSessionCookie(admitted.data.id, admitted.data.expiresAt);
  return admitted;
}
