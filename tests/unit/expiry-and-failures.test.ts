import { describe, expect, it } from "vitest";
import { tagOperation, toFailure } from "@/lib/aws/errors";
import { endsSession, sessionEndReason } from "@/lib/result";
import { expiresSoon, minutesLeft, timeForMfaSetup } from "@/lib/credentials/expiry";
import { managementEventsOf } from "@/lib/aws/logging/trails";
import { recordsAllManagementEvents } from "@/lib/workshop/trail-verdict";

describe("credential expiry (issue 8, item 4)", () => {
  const now = 1_800_000_000_000;
  const at = (minutes: number) => ({ expiresAt: now + minutes * 60_000, expiryKnown: true });

  it("warns under 30 minutes", () => {
    expect(expiresSoon(at(29), now)).toBe(true);
    expect(expiresSoon(at(31), now)).toBe(false);
    expect(expiresSoon({ expiresAt: now + 60_000, expiryKnown: false }, now)).toBe(false);
  });

  it("starts no MFA setup with less than 5 minutes left, and says how many", () => {
    expect(timeForMfaSetup(at(4.9), now)).toBe(false);
    expect(minutesLeft(at(4.9), now)).toBe(4);
    expect(timeForMfaSetup(at(5), now)).toBe(true);
    expect(timeForMfaSetup({ expiresAt: now, expiryKnown: false }, now)).toBe(true);
  });
});

describe("failures (issue 8, item 1)", () => {
  const fromCall = (name: string, operation: string) => Object.assign(new Error("x"), { name, $metadata: { httpStatusCode: 403 }, hajimeOperation: operation });

  it("IAM refusing the token is not dead credentials: it keeps the session", () => {
    const failure = toFailure(fromCall("InvalidClientTokenId", "iam:GetAccountSummary"));
    expect(failure).toEqual({ ok: false, code: "iam-refused-credentials" });
    expect(endsSession(failure)).toBe(false);
    expect(sessionEndReason(failure)).toBeNull();
  });

  it("any other service refusing the token still ends the session", () => {
    const failure = toFailure(fromCall("InvalidClientTokenId", "cloudtrail:DescribeTrails"));
    expect(failure.code).toBe("invalid-credentials");
    expect(endsSession(failure)).toBe(true);
    expect(typeof tagOperation).toBe("function");
  });
});

describe("management events from event selectors (step 7 verdict)", () => {
  it("classic: All counts; WriteOnly, no management events or an excluded source do not", () => {
    expect(recordsAllManagementEvents(managementEventsOf({ EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true }] }))).toBe(true);
    expect(recordsAllManagementEvents(managementEventsOf({ EventSelectors: [{ ReadWriteType: "WriteOnly", IncludeManagementEvents: true }] }))).toBe(false);
    expect(recordsAllManagementEvents(managementEventsOf({ EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: false }] }))).toBe(false);
    expect(
      managementEventsOf({ EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, ExcludeManagementEventSources: ["kms.amazonaws.com"] }] }),
    ).toEqual({ read: true, write: true, excludedSources: ["kms.amazonaws.com"], onlySources: [] });
    // A read-only selector and a write-only selector together record both.
    expect(
      recordsAllManagementEvents(
        managementEventsOf({ EventSelectors: [{ ReadWriteType: "ReadOnly" }, { ReadWriteType: "WriteOnly" }] }),
      ),
    ).toBe(true);
  });

  it("advanced: eventCategory Management with no readOnly field counts; readOnly or eventSource limits do not", () => {
    const adv = (FieldSelectors: { Field: string; Equals?: string[]; NotEquals?: string[] }[]) =>
      managementEventsOf({ AdvancedEventSelectors: [{ Name: "x", FieldSelectors }] });
    expect(recordsAllManagementEvents(adv([{ Field: "eventCategory", Equals: ["Management"] }]))).toBe(true);
    expect(adv([{ Field: "eventCategory", Equals: ["Management"] }, { Field: "readOnly", Equals: ["false"] }])).toMatchObject({ read: false, write: true });
    expect(adv([{ Field: "eventCategory", Equals: ["Management"] }, { Field: "readOnly", NotEquals: ["false"] }])).toMatchObject({ read: true, write: false });
    expect(adv([{ Field: "eventCategory", Equals: ["Management"] }, { Field: "eventSource", Equals: ["iam.amazonaws.com"] }])).toMatchObject({ onlySources: ["iam.amazonaws.com"] });
    expect(adv([{ Field: "eventCategory", Equals: ["Data"] }])).toMatchObject({ read: false, write: false });
  });
});
