/**
 * The bucket name step 7's form suggested, kept in the tab's sessionStorage so that a retry
 * after a half-done run (or a reload) reuses the bucket it made. Once teardown removes that
 * bucket the name is forgotten: S3 keeps a just-deleted name unavailable for a while
 * (OperationAborted), and the form must not offer it again. Browser-only.
 */
const KEY = "hajime.cloudtrail.bucket";

export function rememberedBucket(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberBucket(name: string): void {
  try {
    window.sessionStorage.setItem(KEY, name);
  } catch {
    // Storage refused (private mode, quota): the form still works, without the memory.
  }
}

export function forgetBucket(name: string): void {
  try {
    if (window.sessionStorage.getItem(KEY) === name) window.sessionStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
