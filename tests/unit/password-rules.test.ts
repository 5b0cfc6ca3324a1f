import { describe, expect, it } from "vitest";
import {
  AWS_DEFAULT_POLICY,
  BASELINE_POLICY,
  generatePassword,
  IAM_SYMBOLS,
  passwordProblems,
  passwordRuleList,
  type PasswordPolicy,
} from "@/lib/workshop/password-rules";

const NONE: PasswordPolicy = { minimumLength: 6, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false };

describe("passwordProblems", () => {
  it("accepts a password meeting the baseline", () => {
    expect(passwordProblems("Abcdef1!", BASELINE_POLICY)).toEqual([]);
  });

  it("names each missing character class", () => {
    expect(passwordProblems("abcdefgh", BASELINE_POLICY)).toEqual(["needs-uppercase", "needs-number", "needs-symbol"]);
    expect(passwordProblems("ABCDEFGH", BASELINE_POLICY)).toEqual(["needs-lowercase", "needs-number", "needs-symbol"]);
    expect(passwordProblems("Abcdefg!", BASELINE_POLICY)).toEqual(["needs-number"]);
  });

  it("counts only IAM's symbols as symbols", () => {
    for (const symbol of IAM_SYMBOLS) expect(passwordProblems(`Abcdef1${symbol}`, BASELINE_POLICY)).toEqual([]);
    // Printable, allowed in a password, but not one of the symbols the policy counts.
    for (const other of ['"', "~", "`", ",", ".", "/", ":", ";", "<", ">", "?", "\\", " "]) {
      expect(passwordProblems(`Abcdef1${other}`, BASELINE_POLICY)).toEqual(["needs-symbol"]);
    }
  });

  it("checks the length the policy asks, never below IAM's 6", () => {
    expect(passwordProblems("Ab1!xyz", BASELINE_POLICY)).toEqual(["too-short"]);
    expect(passwordProblems("Ab1!xyzw", { ...BASELINE_POLICY, minimumLength: 14 })).toEqual(["too-short"]);
    expect(passwordProblems("abcde", { ...NONE, minimumLength: 1 })).toEqual(["too-short"]);
    expect(passwordProblems("abcdef", { ...NONE, minimumLength: 1 })).toEqual([]);
    expect(passwordProblems(`A1!${"a".repeat(126)}`, BASELINE_POLICY)).toEqual(["too-long"]);
  });

  it("counts characters, not UTF-16 units, and refuses anything but printable ASCII", () => {
    expect(passwordProblems("Abcdef1!é", BASELINE_POLICY)).toEqual(["invalid-characters"]);
    expect(passwordProblems("Abcdef1!パス", BASELINE_POLICY)).toEqual(["invalid-characters"]);
    expect(passwordProblems("Abc1!😀😀😀", BASELINE_POLICY)).toEqual(["invalid-characters"]);
    expect(passwordProblems("Abcdef1!\t", BASELINE_POLICY)).toEqual(["invalid-characters"]);
  });

  it("applies IAM's default policy: 8 characters and three of the four types", () => {
    expect(passwordProblems("abcdefgh", AWS_DEFAULT_POLICY)).toEqual(["needs-more-types"]);
    expect(passwordProblems("abcdEFGH", AWS_DEFAULT_POLICY)).toEqual(["needs-more-types"]);
    expect(passwordProblems("abcdEFG1", AWS_DEFAULT_POLICY)).toEqual([]);
    expect(passwordProblems("abcd!!11", AWS_DEFAULT_POLICY)).toEqual([]);
    expect(passwordProblems("aB1!", AWS_DEFAULT_POLICY)).toEqual(["too-short"]);
  });
});

describe("passwordRuleList", () => {
  it("lists every rule of the policy with whether it is met", () => {
    expect(passwordRuleList("abc", BASELINE_POLICY)).toEqual([
      { problem: "too-short", met: false },
      { problem: "needs-uppercase", met: false },
      { problem: "needs-lowercase", met: true },
      { problem: "needs-number", met: false },
      { problem: "needs-symbol", met: false },
    ]);
    expect(passwordRuleList("Abcdef1!", BASELINE_POLICY).every((r) => r.met)).toBe(true);
  });

  it("shows the three-types rule for IAM's default policy only", () => {
    expect(passwordRuleList("abcdefgh", AWS_DEFAULT_POLICY)).toEqual([
      { problem: "too-short", met: true },
      { problem: "needs-more-types", met: false },
    ]);
    expect(passwordRuleList("abcdefgh", BASELINE_POLICY).map((r) => r.problem)).not.toContain("needs-more-types");
  });

  it("adds the length cap and character rules only when broken", () => {
    expect(passwordRuleList("Abcdef1!ü", BASELINE_POLICY).at(-1)).toEqual({ problem: "invalid-characters", met: false });
    expect(passwordRuleList("x".repeat(129), NONE).map((r) => r.problem)).toEqual(["too-short", "too-long"]);
  });
});

describe("generatePassword", () => {
  const policies: PasswordPolicy[] = [
    BASELINE_POLICY,
    AWS_DEFAULT_POLICY,
    NONE,
    { ...BASELINE_POLICY, minimumLength: 14 },
    { ...BASELINE_POLICY, minimumLength: 40 },
    { ...BASELINE_POLICY, minimumLength: 128 },
    { ...NONE, requireSymbols: true },
    { ...NONE, requireNumbers: true, minimumLength: 6 },
  ];

  it("always meets the policy it was given (2,000 runs per policy)", () => {
    for (const policy of policies) {
      for (let i = 0; i < 2000; i++) {
        const password = generatePassword(policy);
        const problems = passwordProblems(password, policy);
        if (problems.length > 0) throw new Error(`${JSON.stringify(policy)} → ${password}: ${problems.join(", ")}`);
      }
    }
  });

  it("is at least 20 characters, or the policy's minimum when longer", () => {
    expect(generatePassword(BASELINE_POLICY)).toHaveLength(20);
    expect(generatePassword({ ...BASELINE_POLICY, minimumLength: 40 })).toHaveLength(40);
    expect(generatePassword({ ...BASELINE_POLICY, minimumLength: 128 }, 200)).toHaveLength(128);
  });

  it("starts with a letter, so a spreadsheet never reads the CSV's password as a formula", () => {
    for (let i = 0; i < 500; i++) expect(generatePassword(BASELINE_POLICY)).toMatch(/^[A-Za-z]/);
  });

  it("leaves out look-alike characters and does not repeat itself", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const password = generatePassword(BASELINE_POLICY);
      expect(password).not.toMatch(/[0O1lI]/);
      seen.add(password);
    }
    expect(seen.size).toBe(500);
  });
});
