import { describe, expect, it } from "vitest";
import { mfaCodeSchema, userNameSchema } from "@/lib/aws/input-schemas";
import { tidyUserName, userNameProblem, type UserNameProblem } from "@/lib/workshop/iam-names";
import { isMfaCode, tidyMfaCode } from "@/lib/workshop/mfa-codes";

// The browser checks inputs without zod (lib/workshop/*), the server with zod
// (lib/aws/input-schemas.ts). Both run over the same cases here: they must agree on every one.

const USER_NAMES = [
  "taro", "Taro.Yamada", "hana+dev", "a", "user@example.com", "ci_bot-01", "a=b,c", "x".repeat(64),
  "  taro ", "\ttaro\n", " x".padEnd(65, "x"), "x".repeat(65), "x".repeat(64) + " ", " " + "x".repeat(65),
  "", "   ", "\n", "ta ro", "太郎", "a/b", "a:b", "a#b", "a*b", "ｔａｒｏ", "たろう", "a\u00a0b", "é", "a😀",
  "x".repeat(65) + "/", "/".repeat(70), "tidy me ", "\u3000taro\u3000",
];

const MFA_CODES = [
  "123456", "000000", "123 456", " 123456 ", "１２３４５６", "１２３ ４５６", "12\t34\n56", "123\u3000456",
  "", "12345", "1234567", "12345a", "abcdef", "12-456", "١٢٣٤٥٦", "123456".padEnd(32, " "),
  "123456".padEnd(33, " "), "1".repeat(33), "12.456", "+12345",
];

describe("IAM user names: browser rules and server schema agree", () => {
  for (const raw of USER_NAMES) {
    for (const value of [raw, tidyUserName(raw)]) {
      it(JSON.stringify(value), () => {
        const parsed = userNameSchema.safeParse(value);
        const browser = userNameProblem(value);
        expect(parsed.success).toBe(browser === null);
        if (parsed.success) expect(parsed.data).toBe(value.trim());
        else expect(parsed.error.issues[0]?.message as UserNameProblem).toBe(browser);
      });
    }
  }
});

describe("MFA codes: browser rules and server schema agree", () => {
  for (const value of MFA_CODES) {
    it(JSON.stringify(value), () => {
      const parsed = mfaCodeSchema.safeParse(value);
      expect(parsed.success).toBe(isMfaCode(value));
      if (parsed.success) expect(parsed.data).toBe(tidyMfaCode(value));
    });
  }
});
