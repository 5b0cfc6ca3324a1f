/**
 * Results and failures as values: what a server action answers and what the browser shows.
 * A failure carries a code and a few safe parameters (an action name, an error name), never
 * a message from AWS, a stack trace, or anything from the credentials.
 *
 * Browser-safe and dependency-free: this module sits at the bottom of the import order, so
 * client components, lib/rooms, lib/credentials and lib/aws can all import it without
 * pulling in anything else (tests/unit/client-imports.test.ts keeps it that way). Turning
 * AWS SDK errors into failures is lib/aws/errors.ts (server only).
 */

export type FailureCode =
  | "expired"
  | "invalid-credentials"
  | "access-denied"
  | "throttled"
  | "network"
  | "aws-timeout"
  | "not-signed-in"
  | "invalid-input"
  | "rate-limited"
  | "aws-error"
  | "unexpected"
  // step-specific codes live beside the step; they are plain strings too
  | (string & {});

export type Failure = {
  ok: false;
  code: FailureCode;
  params?: Record<string, string | number>;
};

export type Success<T> = { ok: true; data: T };
export type Result<T> = Success<T> | Failure;

export const ok = <T>(data: T): Success<T> => ({ ok: true, data });
export const fail = (code: FailureCode, params?: Failure["params"]): Failure =>
  params ? { ok: false, code, params } : { ok: false, code };

/**
 * For the browser: a server action's answer, or "server-unreachable" when the call itself
 * threw (Wi-Fi gone, server restarting). Without it the throw reaches React as a page error.
 */
export async function reachServer<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return fail("server-unreachable");
  }
}

/** Whether a failure means the credentials are no longer any good. */
export function endsSession(failure: Failure): boolean {
  return failure.code === "expired" || failure.code === "invalid-credentials";
}

export type SessionEndReason = "expired" | "invalid" | "restarted" | "signed-out";

/**
 * Why a page loses its session after this failure, or null when it keeps it.
 * "restarted": the server no longer holds credentials it never saw end (a restart); the
 * page keeps its place and asks for a new paste. `expiresAt` is what the page knew of the
 * credentials: "expired" is said only when that moment has passed or AWS said so.
 */
export function sessionEndReason(failure: Failure, expiresAt?: number): SessionEndReason | null {
  if (failure.code === "invalid-credentials") return "invalid";
  if (failure.code === "expired") return "expired";
  if (failure.code !== "not-signed-in") return null;
  const why = failure.params?.why;
  if (why === "expired" || why === "invalid" || why === "restarted" || why === "signed-out") return why;
  // No cookie came with the request: it expired with the credentials, or another tab signed out.
  return expiresAt !== undefined && expiresAt <= Date.now() ? "expired" : "signed-out";
}
