import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/messages";

/** Issue 8, item 11: every count shown is an ICU plural ("Clean up 1 resource", not "1 resources"). */
describe("counts in messages", () => {
  const en = createTranslator({ locale: "en", messages: messages.en });
  const ja = createTranslator({ locale: "ja", messages: messages.ja });

  it("agree with their number in English", () => {
    expect(en("teardown.confirm", { count: 1 })).toBe("Clean up 1 resource");
    expect(en("teardown.confirm", { count: 3 })).toBe("Clean up 3 resources");
    expect(en("steps.teardown.remaining", { count: 1 })).toBe("1 resource Hajime made or changed is still there.");
    expect(en("steps.teardown.remaining", { count: 2 })).toBe("2 resources Hajime made or changed are still there.");
    expect(en("teardown.moreBuckets", { count: 1 })).toBe("1 more S3 bucket you had before");
    expect(en("teardown.objectsCapped", { count: 10000 })).toBe("10,000 or more objects");
    expect(en("teardown.status.emptying", { deleted: 1200 })).toBe("Emptying… (1,200 deleted so far)");
    expect(en("steps.sample-findings.count", { count: 1 })).toBe("1 sample finding");
    expect(en("errors.objects-not-deleted", { count: 1, name: "AccessDenied" })).toMatch(/^1 object in the bucket/);
    expect(en("steps.password-policy.chars", { count: 14 })).toBe("14 characters");
    expect(en("errors.extra-trail-unconfirmed", { count: 1 })).toMatch(/^1 trail already exists/);
    expect(en("steps.user-mfa.keysOnlyAdmins", { users: "bob", count: 1 })).toContain("bob (1 user)");
    expect(en("board.stuckLegend", { minutes: 10 })).toBe("Highlighted: no progress for 10 minutes or more");
    expect(en("errors.credentials-expire-soon", { minutes: 1 })).toContain("1 minute:");
  });

  it("format in Japanese", () => {
    expect(ja("teardown.confirm", { count: 3 })).toBe("3 個のリソースを片付ける");
    expect(ja("teardown.objectsCapped", { count: 10000 })).toBe("オブジェクト 10,000 個以上");
    expect(ja("errors.credentials-expire-soon", { minutes: 4 })).toContain("4 分");
  });
});
