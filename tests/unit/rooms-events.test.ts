import { describe, expect, it } from "vitest";
import { applyAttendeeEvent, applyBoardEvent } from "@/lib/rooms/board-state";
import { allSubscribers, publish, subscribe, subscriberCount } from "@/lib/rooms/bus";
import type { BoardSnapshot, RoomEvent, RoomInfo, StreamView } from "@/lib/rooms/model";
import { eventStream, openFeed } from "@/lib/rooms/stream";

const room: RoomInfo = {
  code: "ABCDEF",
  title: "t",
  date: "2026-11-14",
  language: "ja",
  workshop: "account-security",
  steps: ["root-mfa", "password-policy"],
  locked: false,
  announcement: null,
  announcedAt: null,
  stuckMinutes: 10,
  maxPerAccount: 3,
  maxAttendees: 300,
  createdAt: 0,
  startedAt: null,
  closedAt: null,
};
const empty: BoardSnapshot = { room, attendees: [], serverNow: 0 };
const joined = (id: number, at = id): RoomEvent => ({ type: "joined", attendee: { id, nickname: `n${id}`, joinedAt: at, done: {} }, at });

describe("board state", () => {
  it("applies joins, progress and removals, idempotently", () => {
    let s = [joined(2), joined(1), joined(2)].reduce(applyBoardEvent, empty);
    expect(s.attendees.map((a) => a.id)).toEqual([1, 2]);
    s = applyBoardEvent(s, { type: "progress", attendeeId: 1, step: "root-mfa", at: 50 });
    const again = applyBoardEvent(s, { type: "progress", attendeeId: 1, step: "root-mfa", at: 99 });
    expect(again).toBe(s);
    expect(s.attendees[0].done).toEqual({ "root-mfa": 50 });
    s = applyBoardEvent(s, { type: "removed", attendeeId: 1, at: 60 });
    expect(s.attendees.map((a) => a.id)).toEqual([2]);
  });

  it("takes room settings and closing as they come", () => {
    let s = applyBoardEvent(empty, joined(1));
    s = applyBoardEvent(s, { type: "room", room: { ...room, locked: true, announcement: "後片付け" }, at: 5 });
    expect(s.room).toMatchObject({ locked: true, announcement: "後片付け" });
    s = applyBoardEvent(s, { type: "closed", summary: { joined: 1, finished: 0, done: {} }, at: 9 });
    expect(s).toMatchObject({ attendees: [], summary: { joined: 1 }, room: { closedAt: 9, announcement: null } });
  });

  // Events from different instances come in any order between them (lib/rooms/pg-relay.ts).
  it("keeps a removed attendee off the board when their join or progress arrives late", () => {
    let s = [joined(1), joined(2)].reduce(applyBoardEvent, empty);
    s = applyBoardEvent(s, { type: "removed", attendeeId: 1, at: 10 });
    s = applyBoardEvent(s, { type: "progress", attendeeId: 1, step: "root-mfa", at: 11 });
    expect(s.attendees.map((a) => a.id)).toEqual([2]);
    s = applyBoardEvent(s, joined(1, 1));
    expect(s.attendees.map((a) => a.id)).toEqual([2]);
    // Removed before their join was heard of at all.
    s = applyBoardEvent(s, { type: "removed", attendeeId: 3, at: 12 });
    s = applyBoardEvent(s, joined(3, 3));
    expect(s.attendees.map((a) => a.id)).toEqual([2]);
    // SQLite gives the next attendee the id of the last one removed: they joined after the removal.
    s = applyBoardEvent(s, joined(3, 20));
    expect(s.attendees.map((a) => a.id)).toEqual([2, 3]);
  });

  it("adds no tile to a closed room when a join or progress arrives after the closing", () => {
    let s = applyBoardEvent(empty, joined(1));
    s = applyBoardEvent(s, { type: "closed", summary: { joined: 1, finished: 0, done: {} }, at: 9 });
    s = applyBoardEvent(s, { type: "progress", attendeeId: 1, step: "root-mfa", at: 10 });
    s = applyBoardEvent(s, joined(2, 8));
    expect(s.attendees).toEqual([]);
    // A closed room's snapshot: the same.
    const closed: BoardSnapshot = { room: { ...room, closedAt: 9, locked: true }, attendees: [], summary: { joined: 1, finished: 0, done: {} }, serverNow: 9 };
    expect(applyBoardEvent(applyBoardEvent(closed, joined(3, 8)), { type: "progress", attendeeId: 3, step: "root-mfa", at: 10 }).attendees).toEqual([]);
  });

  it("tells an attendee's page about them only", () => {
    const you = { id: 7, nickname: "x", joinedAt: 0, done: {} };
    const s = { room, you, serverNow: 0 };
    expect(applyAttendeeEvent(s, { type: "progress", attendeeId: 8, step: "root-mfa", at: 1 })).toBe(s);
    expect(applyAttendeeEvent(s, { type: "progress", attendeeId: 7, step: "root-mfa", at: 1 }).you?.done).toEqual({ "root-mfa": 1 });
    expect(applyAttendeeEvent(s, { type: "removed", attendeeId: 7, at: 1 }).you).toBeNull();
  });
});

describe("event bus", () => {
  it("sends each stream what its view may see, once encoded", () => {
    const got: Record<string, string[]> = { board: [], organizer: [], mine: [], other: [] };
    const decoder = new TextDecoder();
    const sub = (key: string, view: StreamView, attendeeId?: number) =>
      subscribe("BUSTST", { view, attendeeId, send: (c) => got[key].push(decoder.decode(c).split("\n")[0]), end: () => {} });
    const offs = [sub("board", "board"), sub("organizer", "organizer"), sub("mine", "attendee", 1), sub("other", "attendee", 2)];
    publish("BUSTST", joined(1));
    publish("BUSTST", { type: "progress", attendeeId: 1, step: "root-mfa", at: 3 });
    publish("BUSTST", { type: "accounts", sharedAccounts: {}, at: 3 });
    publish("BUSTST", { type: "room", room, at: 4 });
    publish("OTHER1", { type: "room", room, at: 4 });
    offs.forEach((off) => off());
    publish("BUSTST", { type: "room", room, at: 5 });
    expect(got.board).toEqual(["event: joined", "event: progress", "event: room"]);
    expect(got.organizer).toEqual(["event: joined", "event: progress", "event: accounts", "event: room"]);
    expect(got.mine).toEqual(["event: progress", "event: room"]);
    expect(got.other).toEqual(["event: room"]);
  });
});

describe("a stream's feed", () => {
  const decoder = new TextDecoder();
  async function read(body: ReadableStream<Uint8Array>, chunks: number): Promise<string[]> {
    const reader = body.getReader();
    const out: string[] = [];
    while (out.length < chunks) {
      const { value, done } = await reader.read();
      if (done) break;
      out.push(decoder.decode(value).split("\n")[0]);
    }
    reader.releaseLock();
    return out;
  }

  it("holds what is published while the snapshot is read, and sends it after the snapshot", async () => {
    const feed = openFeed("FEEDTS", "board");
    publish("FEEDTS", joined(1));
    const abort = new AbortController();
    const body = eventStream({ feed, snapshot: empty, signal: abort.signal, onClose: () => {} });
    publish("FEEDTS", { type: "progress", attendeeId: 1, step: "root-mfa", at: 3 });
    expect(await read(body, 4)).toEqual(["retry: 2000", "event: snapshot", "event: joined", "event: progress"]);
    abort.abort();
    expect(subscriberCount("FEEDTS")).toBe(0);
  });

  it("ends right after the snapshot when told to come back before it was sent", async () => {
    const feed = openFeed("FEEDT2", "board");
    for (const s of allSubscribers()) s.end(1500);
    const body = eventStream({ feed, snapshot: empty, signal: new AbortController().signal, onClose: () => {} });
    expect(await read(body, 10)).toEqual(["retry: 2000", "event: snapshot", "retry: 1500"]);
    expect(subscriberCount("FEEDT2")).toBe(0);
  });

  it("lets go of a feed whose snapshot never came", () => {
    openFeed("FEEDT3", "board").close();
    expect(subscriberCount("FEEDT3")).toBe(0);
  });
});
