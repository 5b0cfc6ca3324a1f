import { describe, expect, it } from "vitest";
import { accountChanged, remembered } from "@/lib/aws/account-facts";
import type { Aws } from "@/lib/aws/clients";

/** Only what remembered() looks at: the account and the credentials' scope. */
const awsOf = (accountId: string, credentialScope: object = {}) => ({ accountId, credentialScope }) as unknown as Aws;

function counter<T>(value: T) {
  let reads = 0;
  return { read: async () => ((reads += 1), value), reads: () => reads };
}

describe("facts remembered per set of keys until the account changes (issue 12)", () => {
  it("a second read within the minute is answered from memory", async () => {
    const aws = awsOf("100000000001");
    const facts = counter(["device"]);
    expect(await remembered(aws, "k", facts.read)).toEqual(["device"]);
    expect(await remembered(aws, "k", facts.read)).toEqual(["device"]);
    expect(facts.reads()).toBe(1);
  });

  it("any change in the account, by any session, makes it read again", async () => {
    const scope = {};
    const mine = awsOf("100000000002", scope);
    const facts = counter(1);
    await remembered(mine, "k", facts.read);
    accountChanged("100000000002");
    await remembered(awsOf("100000000002", scope), "k", facts.read);
    expect(facts.reads()).toBe(2);
    // Another account's change does not.
    accountChanged("100000000099");
    await remembered(mine, "k", facts.read);
    expect(facts.reads()).toBe(2);
  });

  it("is never shared between two sets of keys, even in one account", async () => {
    const facts = counter("secret-ish");
    await remembered(awsOf("100000000003", {}), "k", facts.read);
    await remembered(awsOf("100000000003", {}), "k", facts.read);
    expect(facts.reads()).toBe(2);
  });

  it("keeps neither failures nor answers it was told not to keep", async () => {
    const aws = awsOf("100000000004");
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error("denied");
    };
    await expect(remembered(aws, "f", failing)).rejects.toThrow("denied");
    await expect(remembered(aws, "f", failing)).rejects.toThrow("denied");
    expect(calls).toBe(2);
    const empty = counter<string[]>([]);
    await remembered(aws, "e", empty.read, (v) => v.length > 0);
    await remembered(aws, "e", empty.read, (v) => v.length > 0);
    expect(empty.reads()).toBe(2);
  });
});
