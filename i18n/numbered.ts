/**
 * Every message `<prefix>.1`, `<prefix>.2`, … that exists, in order: numbered instructions
 * whose length is set by the messages files, not by the code (ConsoleWalkthrough,
 * ManualTeardown).
 */
export function numberedMessages(t: { has(key: string): boolean; (key: string): string }, prefix: string): string[] {
  const out: string[] = [];
  while (t.has(`${prefix}.${out.length + 1}`)) out.push(t(`${prefix}.${out.length + 1}`));
  return out;
}
