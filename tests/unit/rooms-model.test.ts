import { describe, expect, it } from "vitest";
import { cleanNickname, currentStep, isFinished, nicknameKey, normalizeCode, stuckFor, withoutControlCharacters, type BoardAttendee } from "@/lib/rooms/model";
import type { StepId } from "@/lib/workshop/catalog";

describe("join codes", () => {
  it("accepts what people type: lower case, spaces, hyphens, full-width", () => {
    expect(normalizeCode("abc-def")).toBe("ABCDEF");
    expect(normalizeCode(" ABC DEF ")).toBe("ABCDEF");
    expect(normalizeCode("ＡＢＣ２３４")).toBe("ABC234");
  });
  it("refuses look-alike characters and wrong lengths", () => {
    expect(normalizeCode("ABCDE0")).toBeUndefined();
    expect(normalizeCode("ABCDE")).toBeUndefined();
    expect(normalizeCode("ABCDEFG")).toBeUndefined();
    expect(normalizeCode(42)).toBeUndefined();
  });
});

describe("nicknames", () => {
  it("welcomes Japanese and emoji, trims and collapses spaces", () => {
    expect(cleanNickname("  山田　 太郎  ")).toEqual({ ok: true, nickname: "山田 太郎" });
    expect(cleanNickname("👩‍💻はなこ")).toEqual({ ok: true, nickname: "👩‍💻はなこ" });
  });
  it("counts characters as people see them", () => {
    expect(cleanNickname("あ".repeat(20)).ok).toBe(true);
    expect(cleanNickname("あ".repeat(21))).toEqual({ ok: false, problem: "too-long" });
    expect(cleanNickname("👨‍👩‍👧‍👦".repeat(20)).ok).toBe(true);
  });
  it("refuses empty names and hidden or reordering characters", () => {
    expect(cleanNickname("   ")).toEqual({ ok: false, problem: "empty" });
    expect(cleanNickname("a\u202Eb")).toEqual({ ok: false, problem: "invalid-characters" });
    expect(cleanNickname("a\u200Bb")).toEqual({ ok: false, problem: "invalid-characters" });
    expect(cleanNickname("a\nb")).toEqual({ ok: true, nickname: "a b" });
  });
  it("keeps markup as plain text (it is rendered as text)", () => {
    expect(cleanNickname("<img src=x onerror=alert(1)>")).toEqual({ ok: false, problem: "too-long" });
    expect(cleanNickname("<b>hi</b>")).toEqual({ ok: true, nickname: "<b>hi</b>" });
  });
  it("folds width and case for uniqueness", () => {
    expect(nicknameKey("ＴＡＲＯ")).toBe(nicknameKey("taro"));
    expect(nicknameKey("ﾀﾛｳ")).toBe(nicknameKey("タロウ"));
  });
  it("folds Cyrillic and Greek look-alikes of Latin letters for uniqueness", () => {
    expect(nicknameKey("саrol")).toBe(nicknameKey("carol")); // Cyrillic с and а
    expect(nicknameKey("САRОL")).toBe(nicknameKey("carol"));
    expect(nicknameKey("Αlice")).toBe(nicknameKey("alice")); // Greek capital alpha
    expect(nicknameKey("ТАRO")).toBe(nicknameKey("taro"));
    // Names that only share letters stay apart.
    expect(nicknameKey("Иван")).not.toBe(nicknameKey("ivan"));
    expect(nicknameKey("たろう")).not.toBe(nicknameKey("taro"));
  });
});

describe("where an attendee is", () => {
  const steps: StepId[] = ["root-access-keys", "root-mfa", "password-policy", "admin-group"];
  const who = (done: BoardAttendee["done"], joinedAt = 0): BoardAttendee => ({ id: 1, nickname: "x", joinedAt, done });

  it("is the step after the furthest one done, gaps shown by ticks", () => {
    expect(currentStep(steps, {})).toBe("root-access-keys");
    expect(currentStep(steps, { "root-access-keys": 1 })).toBe("root-mfa");
    expect(currentStep(steps, { "password-policy": 1 })).toBe("admin-group");
    expect(currentStep(steps, { "admin-group": 1 })).toBe("root-access-keys");
    expect(currentStep(steps, Object.fromEntries(steps.map((s) => [s, 1])))).toBeNull();
    expect(isFinished(steps, Object.fromEntries(steps.map((s) => [s, 1])))).toBe(true);
  });

  it("is stuck after the threshold without progress, never when finished", () => {
    const room = { steps, stuckMinutes: 10 };
    expect(stuckFor(room, who({}, 0), 9 * 60_000)).toBeNull();
    expect(stuckFor(room, who({}, 0), 11 * 60_000)).toBe(11 * 60_000);
    expect(stuckFor(room, who({ "root-mfa": 5 * 60_000 }, 0), 11 * 60_000)).toBeNull();
    expect(stuckFor(room, who(Object.fromEntries(steps.map((s) => [s, 1])), 0), 60 * 60_000)).toBeNull();
  });
});

describe("withoutControlCharacters", () => {
  it("drops NUL and other control characters (PostgreSQL refuses NUL); an announcement keeps its line breaks", () => {
    expect(withoutControlCharacters("JAWS\u0000-UG\u0007 初心者\u007f支部\n")).toBe("JAWS-UG 初心者支部");
    expect(withoutControlCharacters("後片付け\r\nです\u0000\tね", "line-breaks")).toBe("後片付け\nです\tね");
  });
});
