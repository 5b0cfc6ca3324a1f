import { describe, expect, it } from "vitest";
import { messages } from "@/messages";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") {
    out.set(prefix, value);
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("messages", () => {
  const ja = leaves(messages.ja);
  const en = leaves(messages.en);

  it("has the same keys in Japanese and English", () => {
    expect([...en.keys()].filter((k) => !ja.has(k))).toEqual([]);
    expect([...ja.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it("names no step by a number written in (numbers come from the room's workshop: {number})", () => {
    const written = [...ja, ...en].filter(([, v]) => /手順 ?[0-9]|\bsteps? [0-9]/i.test(v)).map(([k]) => k);
    expect(written).toEqual([]);
  });

  it("has no empty message", () => {
    const empty = [...ja, ...en].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...ja.keys()].filter(
      (k) => en.has(k) && JSON.stringify([...new Set(placeholders(ja.get(k)!))]) !== JSON.stringify([...new Set(placeholders(en.get(k)!))]),
    );
    expect(mismatched).toEqual([]);
  });

  it("is really Japanese in Japanese", () => {
    // Messages that are code or commands, the same in every language.
    const sameInEveryLanguage = new Set(["credentials.pastePlaceholder"]);
    const untranslated = [...ja]
      .filter(([k, v]) => !sameInEveryLanguage.has(k) && v === en.get(k) && /[a-z]{4,}\s+[a-z]{3,}/i.test(v))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});
