/**
 * AWS SDK errors turned into failures the UI can translate (server only: it also holds the
 * SDK middleware that names the failed operation). A failure carries a code and a few safe
 * parameters (an action name, an error name), never a message from AWS, a stack trace, or
 * anything from the credentials.
 */

import { fail, type Failure } from "@/lib/result";

// Results and failures themselves (Result, Failure, fail, ok, endsSession) are lib/result.ts.

const EXPIRED = new Set(["ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired"]);
const INVALID = new Set([
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "InvalidAccessKeyId",
  "InvalidToken",
  "AuthFailure",
  "IncompleteSignature",
  "MissingAuthenticationToken",
]);
const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "AuthorizationError",
  "UnauthorizedException",
  "Forbidden",
]);
const THROTTLED = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "SlowDown",
  "RequestThrottled",
  "RequestThrottledException",
]);
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "RequestTimeout",
  "NetworkingError",
]);

/**
 * AWS did not answer in time: a call past its deadline (lib/aws/clients.ts aborts it with
 * AwsDeadlineExceeded), or the HTTP handler's connect, socket idle or request timeout
 * (TimeoutError / ETIMEDOUT) on the last attempt.
 */
const TIMEOUT = new Set(["AwsDeadlineExceeded", "TimeoutError", "ETIMEDOUT"]);

type AwsLikeError = {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  hajimeOperation?: string;
};

export function errorName(error: unknown): string {
  const e = (error ?? {}) as AwsLikeError;
  return String(e.name ?? e.Code ?? e.code ?? "Error");
}

/** The IAM-style action a denial names, e.g. "iam:CreateGroup". */
export function deniedAction(error: unknown): string | undefined {
  const e = (error ?? {}) as AwsLikeError;
  const fromMessage = e.message?.match(/perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/)?.[1];
  return fromMessage ?? e.hajimeOperation;
}

function timedOut(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const e = error as AwsLikeError;
  if ((e.name && TIMEOUT.has(e.name)) || (e.code && TIMEOUT.has(e.code))) return true;
  return timedOut(e.cause, depth + 1);
}

function networkCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 3) return undefined;
  const e = error as AwsLikeError;
  for (const c of [e.code, e.name]) if (c && NETWORK.has(c)) return c;
  return networkCode(e.cause, depth + 1);
}

export function toFailure(error: unknown): Failure {
  const name = errorName(error);
  if (EXPIRED.has(name)) return fail("expired");
  // STS accepted these credentials at sign-in; IAM refusing the token means credentials that
  // may not call IAM (get-session-token without MFA, get-federation-token), not dead ones.
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
  if (INVALID.has(name) && isIamCall(error)) return fail("iam-refused-credentials");
  if (INVALID.has(name)) return fail("invalid-credentials");
  if (DENIED.has(name)) {
    const action = deniedAction(error);
    return action ? fail("access-denied", { action }) : fail("access-denied");
  }
  if (THROTTLED.has(name)) return fail("throttled");
  if (timedOut(error)) return fail("aws-timeout");
  const net = networkCode(error);
  if (net) return fail("network", { reason: net });
  const status = (error as AwsLikeError)?.$metadata?.httpStatusCode;
  if (status !== undefined) return fail("aws-error", { name: safeName(name), status });
  return fail("unexpected");
}

function isIamCall(error: unknown): boolean {
  return ((error as AwsLikeError)?.hajimeOperation ?? "").startsWith("iam:");
}

/** Error names are identifiers; anything else is not shown. */
function safeName(name: string): string {
  return /^[A-Za-z0-9.:_-]{1,64}$/.test(name) ? name : "UnknownError";
}

type Stack = {
  middlewareStack: {
    add: (
      mw: (next: (a: unknown) => Promise<unknown>, ctx: { clientName?: string; commandName?: string }) => (a: unknown) => Promise<unknown>,
      opts: { step: "initialize"; name: string },
    ) => void;
  };
};

const SERVICE_PREFIX: Record<string, string> = {
  IAMClient: "iam",
  STSClient: "sts",
  S3Client: "s3",
  CloudTrailClient: "cloudtrail",
  GuardDutyClient: "guardduty",
};

/** Remember which operation failed, so a denial can name the action to grant. */
/** How a workshop's own client names denied actions (ServiceSpec in clients.ts). */
export type ActionNaming = { iamPrefix: string; actions?: Readonly<Record<string, string>> };

export function tagOperation(client: Stack, naming?: ActionNaming): void {
  client.middlewareStack.add(
    (next, ctx) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error && typeof error === "object" && ctx.commandName) {
          const service = naming?.iamPrefix ?? SERVICE_PREFIX[ctx.clientName ?? ""] ?? "aws";
          const operation = ctx.commandName.replace(/Command$/, "");
          (error as AwsLikeError).hajimeOperation = `${service}:${naming?.actions?.[operation] ?? operation}`;
        }
        throw error;
      }
    },
    { step: "initialize", name: "hajimeTagOperation" },
  );
}
