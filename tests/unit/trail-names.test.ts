import { describe, expect, it } from "vitest";
import { bucketNameProblem, suggestBucketName, trailNameProblem } from "@/lib/workshop/trail-names";

describe("S3 bucket names", () => {
  it.each([
    ["ab", "length"],
    ["a".repeat(64), "length"],
    ["My-bucket", "uppercase"],
    ["my.bucket", "dots"],
    ["my_bucket", "characters"],
    ["my bucket", "characters"],
    ["バケット名", "characters"],
    ["-bucket", "edges"],
    ["bucket-", "edges"],
    ["xn--bucket", "reserved-prefix"],
    ["sthree-bucket", "reserved-prefix"],
    ["amzn-s3-demo-bucket", "reserved-prefix"],
    ["bucket-s3alias", "reserved-suffix"],
    ["bucket--ol-s3", "reserved-suffix"],
    ["bucket--x-s3", "reserved-suffix"],
  ])("refuses %s (%s)", (name, problem) => {
    expect(bucketNameProblem(name)).toBe(problem);
  });

  it.each(["abc", "a".repeat(63), "hajime-trail-logs-2024", "0-9"])("accepts %s", (name) => {
    expect(bucketNameProblem(name)).toBeNull();
  });

  it("suggests names that follow the rules and differ each time", () => {
    const names = new Set(Array.from({ length: 200 }, () => suggestBucketName()));
    expect(names.size).toBe(200);
    for (const n of names) {
      expect(bucketNameProblem(n)).toBeNull();
      expect(n).toMatch(/^hajime-cloudtrail-[a-z0-9]{12}$/);
    }
  });
});

describe("CloudTrail trail names", () => {
  it.each([
    ["ab", "length"],
    ["a".repeat(129), "length"],
    ["my trail", "characters"],
    ["my/trail", "characters"],
    ["_trail", "edges"],
    ["trail.", "edges"],
    ["my--trail", "adjacent-symbols"],
    ["my._trail", "adjacent-symbols"],
    ["192.168.5.4", "ip-address"],
  ])("refuses %s (%s)", (name, problem) => {
    expect(trailNameProblem(name)).toBe(problem);
  });

  it.each(["hajime-trail", "My_Trail.2", "abc"])("accepts %s", (name) => {
    expect(trailNameProblem(name)).toBeNull();
  });
});
