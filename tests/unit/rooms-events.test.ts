import { describe, expect, it } from "vitest";
import { applyAttendeeEvent, applyBoardEvent } from "@/lib/rooms/board-state";
import { publish, subscribe } from "@/lib/rooms/bus";
import type { BoardSnapshot, RoomEvent, RoomInfo, StreamView } from "@/lib/rooms/model";

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
