import { errorName } from "../errors";

/** Whether an SDK error is one of the named AWS error codes. */
export function isAwsError(error: unknown, ...names: string[]): boolean {
  return names.includes(errorName(error));
}

export function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}
