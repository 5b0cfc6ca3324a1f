/**
 * Letters of other scripts that look like Latin ones on a board ("саrol" with Cyrillic
 * с and а beside "carol"), mapped to the Latin letter, in the manner of the skeletons of
 * Unicode Technical Standard #39 (confusables.txt), for the scripts attendees could mix in
 * by accident or on purpose: Cyrillic and Greek, upper and lower case. Browser-safe.
 * https://www.unicode.org/reports/tr39/#Confusable_Detection
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  А: "A", а: "a", В: "B", в: "b", Е: "E", е: "e", Ё: "E", ё: "e", К: "K", к: "k", М: "M", м: "m",
  Н: "H", н: "h", О: "O", о: "o", Р: "P", р: "p", С: "C", с: "c", Т: "T", т: "t", У: "Y", у: "y",
  Х: "X", х: "x", Ѕ: "S", ѕ: "s", І: "I", і: "i", Ї: "I", ї: "i", Ј: "J", ј: "j", Ԛ: "Q", ԛ: "q",
  Ԝ: "W", ԝ: "w", Һ: "H", һ: "h", Ӏ: "l", ӏ: "l", ԁ: "d", Ь: "b", ь: "b", Ү: "Y", ү: "y",
  // Greek
  Α: "A", α: "a", Β: "B", Ε: "E", ε: "e", Ζ: "Z", Η: "H", Ι: "I", ι: "i", Κ: "K", κ: "k", Μ: "M",
  Ν: "N", ν: "v", Ο: "O", ο: "o", Ρ: "P", ρ: "p", Τ: "T", τ: "t", Υ: "Y", υ: "u", Χ: "X", χ: "x",
  ϲ: "c", Ϲ: "C", ϳ: "j", γ: "y",
  // Latin letters that look like others
  ı: "i", ɩ: "i", ɡ: "g",
};

const PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "g");

/** The text with every look-alike letter replaced by the Latin letter it imitates. */
export function latinLookAlikes(text: string): string {
  return text.replace(PATTERN, (c) => LOOK_ALIKES[c] ?? c);
}
