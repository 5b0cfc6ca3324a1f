import type { StrictAws } from "../support/strict-aws/server";

/** This test file's stricter AWS stand-in (tests/aws/setup.ts), to switch its rules per account. */
let current: StrictAws | undefined;

export function setStrictAws(strict: StrictAws): void {
  current = strict;
}

export function strictAws(): StrictAws {
  if (!current) throw new Error("the strict AWS stand-in is not running: tests/aws/setup.ts did not run");
  return current;
}
