import { describe, expect, it } from "vitest";
import type { Aws } from "@/lib/aws/clients";
import { shareInFlight } from "@/lib/aws/in-flight";

const anAws = () => ({}) as Aws; // only its identity matters here

describe("shareInFlight", () => {
  it("shares a read in flight for the same Aws and key, and forgets it once answered", async () => {
    const aws = anAws();
    let reads = 0;
    const read = () => new Promise<number>((resolve) => setTimeout(() => resolve(++reads), 10));
    const [a, b] = await Promise.all([shareInFlight(aws, "k", read), shareInFlight(aws, "k", read)]);
    expect([a, b, reads]).toEqual([1, 1, 1]);
    expect(await shareInFlight(aws, "k", read)).toBe(2);
  });

  it("never shares across keys or sessions, and forgets a failed read too", async () => {
    const aws = anAws();
    let reads = 0;
    const read = async () => ++reads;
    await Promise.all([shareInFlight(aws, "a", read), shareInFlight(aws, "b", read), shareInFlight(anAws(), "a", read)]);
    expect(reads).toBe(3);
    await expect(shareInFlight(aws, "x", () => Promise.reject(new Error("denied")))).rejects.toThrow("denied");
    expect(await shareInFlight(aws, "x", async () => "fresh")).toBe("fresh");
  });
});
