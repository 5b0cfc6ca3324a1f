import { describe, expect, it } from "vitest";
import { z } from "zod";
import { amountProblem, cleanInput, EMAIL_PATTERN, emailProblem } from "./budget-rules";

describe("budget form rules (browser side of the fix input)", () => {
  it("uses zod's own email pattern, which the server's schema is given", () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
  });

  it.each([
    ["", "required"],
    ["  ", "required"],
    ["ten", "not-a-number"],
    ["0.5", "too-small"],
    ["1000001", "too-large"],
    ["1", null],
    ["12.5", null],
    [" 10 ", null],
    // A Japanese IME's full-width digits.
    ["１０", null],
  ])("amount %j → %s", (text, problem) => {
    expect(amountProblem(text)).toBe(problem);
  });

  it.each([
    ["", "required"],
    ["not-an-email", "invalid"],
    ["me@example", "invalid"],
    [`${"a".repeat(250)}@example.com`, "too-long"],
    ["me@example.com", null],
    [" me+alerts@example.co.jp ", null],
    ["ｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", null],
  ])("email %j → %s", (text, problem) => {
    expect(emailProblem(text)).toBe(problem);
  });

  it("agrees with a zod schema built like the server's on every case above", () => {
    const email = z.string().transform(cleanInput).pipe(z.string().max(254)).pipe(z.email({ pattern: EMAIL_PATTERN }));
    const amount = z.preprocess((v) => (typeof v === "string" ? cleanInput(v) : v), z.coerce.number().min(1).max(1_000_000));
    for (const text of ["", "ten", "0.5", "1000001", "1", "12.5", " 10 ", "１０"]) expect(amount.safeParse(text).success, text).toBe(amountProblem(text) === null);
    for (const text of ["not-an-email", "me@example", "me@example.com", " me+alerts@example.co.jp ", "ｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"]) {
      expect(email.safeParse(text).success, text).toBe(emailProblem(text) === null);
    }
  });
});
