/**
 * How long Hajime waits for AWS. Every AWS call has a deadline, retries included, and every
 * server action that calls AWS has one for all its calls together; past it, the call fails
 * with "aws-timeout" ("AWS did not answer in time") instead of hanging. A stalled endpoint
 * (a request sent on an open keep-alive connection that never gets an answer) is the case
 * that otherwise hangs until the SDK's default socket timeout, 5 minutes.
 *
 * Mutable so that tests can shorten them; nothing else changes them.
 */
export const AWS_DEADLINES = {
  /** One AWS call, every attempt and the pauses between them included. */
  callMs: 10_000,
  /** A check, or "check all" (every step's check at once). */
  checkMs: 10_000,
  /** A fix and the re-checks after it (step 9 waits up to 15 s for GuardDuty's findings). */
  fixMs: 45_000,
  /** Step 10's plan: every Region's detectors, every bucket's tags, object counts. */
  teardownPlanMs: 20_000,
  /** One teardown removal: a bucket is emptied in slices of 8 s, then the calls to finish. */
  teardownRemoveMs: 25_000,
  /** Sign-in: sts:GetCallerIdentity and one IAM read. */
  signInMs: 10_000,
};

/** Per attempt, at the HTTP level (the handler destroys the socket past either). */
export const HTTP_TIMEOUTS = {
  /** TCP (and TLS) connection to the endpoint. */
  connectMs: 3_000,
  /** No byte received on the socket for this long while waiting for an answer. */
  socketIdleMs: 6_000,
};
