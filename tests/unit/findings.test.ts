import { describe, expect, it } from "vitest";
import { findingView, scrub } from "@/lib/aws/logging/findings";
import { severityLevel, sortBySeverity, type FindingView } from "@/lib/workshop/findings";
import { sampleFinding } from "../support/guardduty-samples";

describe("GuardDuty severity bands (as the console shows them)", () => {
  it.each([
    [0, "low"],
    [3.9, "low"],
    [4, "medium"],
    [6.9, "medium"],
    [7, "high"],
    [8.9, "high"],
    [9, "critical"],
    [10, "critical"],
  ])("%s is %s", (score, level) => {
    expect(severityLevel(score)).toBe(level);
  });
});

describe("finding views", () => {
  const view = (type: string, severity: number, updatedAt: string): FindingView => ({
    id: type,
    type,
    title: type,
    description: "",
    severity,
    region: "ap-northeast-1",
    resource: { type: "Instance" },
    count: 1,
    createdAt: updatedAt,
    updatedAt,
  });

  it("sorts by severity, the hands-on's finding first among equals, then newest", () => {
    const sorted = sortBySeverity([
      view("Low:A", 2, "2025-01-02"),
      view("Backdoor:EC2/C&CActivity.B!DNS", 8, "2025-01-03"),
      view("CryptoCurrency:EC2/BitcoinTool.B!DNS", 8, "2025-01-01"),
      view("Critical:X", 9.5, "2025-01-01"),
    ]);
    expect(sorted.map((f) => f.type)).toEqual([
      "Critical:X",
      "CryptoCurrency:EC2/BitcoinTool.B!DNS",
      "Backdoor:EC2/C&CActivity.B!DNS",
      "Low:A",
    ]);
  });

  it("keeps no account id and no ARN", () => {
    const accountId = "123456789012";
    const f = sampleFinding("CryptoCurrency:EC2/BitcoinTool.B!DNS", { accountId, region: "ap-northeast-1", detectorId: "d1" });
    f.Description = `Instance i-1 in account ${accountId} used arn:aws:iam::${accountId}:role/web.`;
    const v = findingView(f, accountId);
    expect(JSON.stringify(v)).not.toContain(accountId);
    expect(JSON.stringify(v)).not.toContain("arn:aws");
    expect(v.description).toBe("Instance i-1 in account ********9012 used web.");
    expect(v.resource).toEqual({ type: "Instance", id: "i-99999999", extra: "m3.xlarge" });
  });

  it("masks other account ids too", () => {
    expect(scrub("from 210987654321", "123456789012")).toBe("from ********4321");
  });
});
