import { describe, expect, it } from "vitest";
import { mfaCodeSchema, userNameSchema } from "@/lib/aws/input-schemas";
import { tidyUserName, userNameProblem } from "@/lib/workshop/iam-names";
import { isMfaCode } from "@/lib/workshop/mfa-codes";

describe("IAM user names", () => {
  it("accepts letters, digits and + = , . @ _ - up to 64 characters", () => {
    for (const name of ["taro", "Taro.Yamada", "hana+dev", "a", "user@example.com", "ci_bot-01", "a=b,c", "x".repeat(64)]) {
      expect(userNameProblem(name)).toBeNull();
    }
  });

  it("says what is wrong with a name IAM refuses", () => {
    expect(userNameProblem("")).toBe("empty");
    expect(userNameProblem("   ")).toBe("empty");
    expect(userNameProblem("x".repeat(65))).toBe("too-long");
    for (const name of ["ta ro", "太郎", "a/b", "a:b", "a#b", "a*b", "ｔａｒｏ"]) expect(userNameProblem(name)).toBe("characters");
  });

  it("trims surrounding spaces when parsing", () => {
    expect(userNameSchema.parse("  taro ")).toBe("taro");
  });

  it("turns full-width letters typed with a Japanese IME into ASCII", () => {
    expect(tidyUserName("ｔａｒｏ＿０１ ")).toBe("taro_01");
    expect(userNameProblem(tidyUserName("ｔａｒｏ"))).toBeNull();
    expect(userNameProblem(tidyUserName("たろう"))).toBe("characters");
  });
});

describe("MFA codes", () => {
  it("are six digits, spaces and full-width digits tidied", () => {
    expect(mfaCodeSchema.parse("123456")).toBe("123456");
    expect(mfaCodeSchema.parse("123 456")).toBe("123456");
    expect(mfaCodeSchema.parse("１２３４５６")).toBe("123456");
    for (const bad of ["", "12345", "1234567", "12345a", "abcdef", "12-456"]) expect(isMfaCode(bad)).toBe(false);
  });
});
