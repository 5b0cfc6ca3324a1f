import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enIam from "@/messages/en/iam.json";
import jaIam from "@/messages/ja/iam.json";
import { messages } from "@/messages";
import enAdminGroup from "@/workshops/account-security/steps/admin-group/en.json";
import jaAdminGroup from "@/workshops/account-security/steps/admin-group/ja.json";
import enIamUser from "@/workshops/account-security/steps/iam-user/en.json";
import jaIamUser from "@/workshops/account-security/steps/iam-user/ja.json";
import enUserMfa from "@/workshops/account-security/steps/user-mfa/en.json";
import jaUserMfa from "@/workshops/account-security/steps/user-mfa/ja.json";

// The IAM area's texts: its errors (messages/<locale>/iam.json) and the texts of steps 4–6.
const iamTexts = {
  ja: { ...jaIam, steps: { "admin-group": jaAdminGroup, "iam-user": jaIamUser, "user-mfa": jaUserMfa } },
  en: { ...enIam, steps: { "admin-group": enAdminGroup, "iam-user": enIamUser, "user-mfa": enUserMfa } },
};

function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

// ICU syntax ({ } and ') in a message breaks it at run time, where messages.test.ts cannot see.
describe("IAM messages", () => {
  for (const locale of ["ja", "en"] as const) {
    it(`all format without errors (${locale})`, () => {
      const broken: string[] = [];
      const t = createTranslator({
        locale,
        messages: messages[locale],
        onError: (error) => broken.push(error.message),
      });
      const params = { min: 8, symbols: "! @", user: "taro", users: "bob", names: "a, b", group: "admin", count: 1, number: 4 };
      for (const key of leafKeys(iamTexts[locale])) {
        const text = t(key as never, params as never);
        if (text === key || /[{}]/.test(text)) broken.push(`${key}: ${text}`);
      }
      expect(broken).toEqual([]);
    });
  }
});
