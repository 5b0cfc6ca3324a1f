import "server-only";

/**
 * IAM is eventually consistent: a user just created can be NoSuchEntity to the next call
 * for a moment, and a virtual MFA device name just deleted can still be EntityAlreadyExists.
 * Such calls are tried again after short pauses, a few seconds in all; if AWS still says
 * the same, the caller turns it into a "try again in a few seconds" failure, never the raw
 * error.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency
 */
export const iamRetryTiming = { delaysMs: [250, 500, 1_000, 2_000] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function retryWhileSettling<T>(call: () => Promise<T>, settling: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= iamRetryTiming.delaysMs.length || !settling(error)) throw error;
      await sleep(iamRetryTiming.delaysMs[attempt]);
    }
  }
}
