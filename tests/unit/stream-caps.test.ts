import { describe, expect, it } from "vitest";
import { claimStream, openStreams } from "@/lib/rooms/stream-caps";

describe("event stream caps", () => {
  it("caps anonymous board streams per address and per room, never the organizer's", () => {
    process.env.HAJIME_MAX_BOARD_STREAMS_PER_ADDRESS = "2";
    process.env.HAJIME_MAX_BOARD_STREAMS_PER_ROOM = "3";
    const held: { release: () => void }[] = [];
    const take = (c: Parameters<typeof claimStream>[0]) => {
      const r = claimStream(c);
      if ("release" in r) held.push(r);
      return "reason" in r ? r.reason : "ok";
    };
    const anon = (clientKey: string) => ({ room: "ROOMAA", clientKey, anonymous: true, organizer: false });
    expect(take(anon("1.1.1.1"))).toBe("ok");
    expect(take(anon("1.1.1.1"))).toBe("ok");
    expect(take(anon("1.1.1.1"))).toBe("address");
    expect(take(anon("2.2.2.2"))).toBe("ok");
    expect(take(anon("3.3.3.3"))).toBe("room");
    expect(take({ room: "ROOMAA", clientKey: "1.1.1.1", anonymous: false, organizer: true })).toBe("ok");
    // A released stream frees its place.
    held.shift()!.release();
    expect(take(anon("3.3.3.3"))).toBe("ok");
    const before = openStreams();
    for (const h of held.splice(0)) h.release();
    expect(openStreams()).toBe(before - 4);
    delete process.env.HAJIME_MAX_BOARD_STREAMS_PER_ADDRESS;
    delete process.env.HAJIME_MAX_BOARD_STREAMS_PER_ROOM;
  });

  it("caps one attendee's tabs and the total; a release counts once", () => {
    process.env.HAJIME_MAX_STREAMS = String(openStreams() + 5);
    const mine = Array.from({ length: 5 }, () => claimStream({ room: "ROOMBB", clientKey: "k", anonymous: false, organizer: false, attendeeId: 7 }));
    expect(mine.map((r) => ("reason" in r ? r.reason : "ok"))).toEqual(["ok", "ok", "ok", "ok", "attendee"]);
    const others = Array.from({ length: 2 }, (_, i) => claimStream({ room: "ROOMBB", clientKey: "k", anonymous: false, organizer: false, attendeeId: 100 + i }));
    expect(others.map((r) => ("reason" in r ? r.reason : "ok"))).toEqual(["ok", "server"]);
    const first = mine[0] as { release: () => void };
    first.release();
    first.release();
    expect(openStreams()).toBe(Number(process.env.HAJIME_MAX_STREAMS) - 1);
    for (const r of [...mine, ...others]) if ("release" in r) r.release();
    delete process.env.HAJIME_MAX_STREAMS;
  });
});
