import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardSnapshot } from "@/lib/rooms/model";
import { hashSecret } from "@/lib/rooms/secrets";
import type { JoinResult, RoomStore } from "@/lib/rooms/store";
import type { StepId } from "@/workshops";

/**
 * What every RoomStore (lib/rooms/store.ts) must do, whichever database holds it: run by
 * ./rooms-store.test.ts against SQLite and PostgreSQL. `other` is a second store object over the
 * same database, as a second Hajime instance has (its own connection or pool): rooms, seats and
 * progress must hold when requests race on both.
 */
export type RoomStoreHarness = {
  store: RoomStore;
  /** Another store over the same database (another instance, own connection), same clock. */
  other: RoomStore;
  /** Every row of a table, to see what is stored (never a secret). */
  rows(table: "rooms" | "attendees" | "progress"): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

/** Both instances read this clock; `step` > 0 makes every read a distinct, later time. */
export class TestClock {
  value = 1_700_000_000_000;
  step = 0;
  readonly now = (): number => {
    const t = this.value;
    this.value += this.step;
    return t;
  };
}

/** `make` gives a store over an empty database (per test) reading `now`. */
export function roomStoreContract(name: string, make: (now: () => number) => Promise<RoomStoreHarness>): void {
  describe(`RoomStore contract: ${name}`, () => {
    let clock: TestClock;
    let h: RoomStoreHarness;
    let store: RoomStore;
    let other: RoomStore;

    beforeEach(async () => {
      clock = new TestClock();
      h = await make(clock.now);
      ({ store, other } = h);
    });
    afterEach(async () => {
      await h.close();
    });

    /** A distinct account per nickname, as when every attendee brings their own. */
    const acct = (nickname: string) => `acct-${nickname}`;

    const newRoom = {
      title: "JAWS-UG 初心者支部 #60",
      date: "2026-11-14",
      language: "ja" as const,
      steps: ["password-policy", "root-access-keys", "root-mfa", "teardown"] as StepId[],
    };

    function seated(j: JoinResult) {
      if (!j.ok) throw new Error(`join failed: ${j.reason}`);
      return j;
    }

    describe("one instance", () => {
      it("creates a room with a readable code and keeps only a hash of the organizer key", async () => {
        const { room, organizerKey } = await store.createRoom(newRoom);
        expect(room.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
        expect(room.steps).toEqual(["root-access-keys", "root-mfa", "password-policy", "teardown"]);
        expect(room).toMatchObject({
          workshop: "account-security",
          locked: false,
          stuckMinutes: 10,
          maxAttendees: 300,
          maxPerAccount: 3,
          startedAt: null,
          closedAt: null,
          createdAt: clock.value,
        });
        expect(await store.info(room.code)).toEqual(room);
        const rows = await h.rows("rooms");
        expect(rows.map((r) => r.organizer_key_hash)).toEqual([hashSecret(organizerKey)]);
        expect(JSON.stringify(rows)).not.toContain(organizerKey);
        expect(await store.verifyOrganizer(room.code, organizerKey)).toBe(true);
        expect(await store.verifyOrganizer(room.code, organizerKey.slice(0, -1) + (organizerKey.endsWith("A") ? "B" : "A"))).toBe(false);
      });

      it("keeps titles, nicknames and announcements as typed: any script, emoji, quotes, backslashes", async () => {
        const title = `𠮷野家 "ハンズオン" \\ 'x'; DROP TABLE rooms; -- 🎉`;
        const { room } = await store.createRoom({ ...newRoom, title, language: "en" });
        expect(await other.info(room.code)).toMatchObject({ title, language: "en", date: "2026-11-14" });
        const nickname = "👩‍💻 O'Brien \\ 𠮷";
        const j = seated(await store.join(room.code, nickname, acct("x")));
        expect((await other.attendees(room.code)).map((a) => a.nickname)).toEqual([nickname]);
        expect(await other.nicknameFree(room.code, nickname)).toBe(false);
        const text = "一行目\n2行目: 'quote' \"double\" \\ %_ 🍣";
        await store.announce(room.code, text);
        expect((await other.info(room.code))?.announcement).toBe(text);
        expect(await other.attendeeByToken(j.token)).toMatchObject({ attendee: { nickname } });
      });

      it("answers 'no such room' alike for a code nobody made", async () => {
        expect(await store.info("ZZZZZZ")).toBeUndefined();
        expect(await store.verifyOrganizer("ZZZZZZ", "x".repeat(43))).toBe(false);
        expect(await store.attendeeCount("ZZZZZZ")).toBe(0);
        expect(await store.attendees("ZZZZZZ")).toEqual([]);
        expect(await store.snapshot("ZZZZZZ")).toBeUndefined();
        expect(await store.setLocked("ZZZZZZ", true)).toBeUndefined();
        expect(await store.close("ZZZZZZ")).toBeUndefined();
        expect(await store.closingSummary("ZZZZZZ")).toBeUndefined();
        expect(await store.hasUnexportedChanges("ZZZZZZ")).toBe(false);
        expect(await store.attendeeByToken("y".repeat(43))).toBeUndefined();
        expect(await store.recordDone(987654, ["root-mfa"], "k")).toEqual({ recorded: [], accountChanged: false });
      });

      it("joins, refuses a taken nickname (width, case and look-alikes folded) and resumes by token", async () => {
        const { room } = await store.createRoom(newRoom);
        clock.value += 1000;
        const first = seated(await store.join(room.code, "Taro", acct("Taro")));
        expect(first.attendee).toEqual({ id: expect.any(Number), nickname: "Taro", joinedAt: clock.value, done: {} });
        expect(first.room.startedAt).toBe(clock.value);
        expect(await store.join(room.code, "ｔａｒｏ", acct("ｔａｒｏ"))).toEqual({ ok: false, reason: "nickname-taken" });
        expect((await store.join(room.code, "たろう", acct("たろう"))).ok).toBe(true);
        // Cyrillic look-alikes of a nickname in the room are the same nickname on the board.
        expect((await store.join(room.code, "carol", acct("carol"))).ok).toBe(true);
        expect(await store.join(room.code, "саrol", acct("саrol"))).toEqual({ ok: false, reason: "nickname-taken" });
        expect(await store.attendeeByToken(first.token)).toEqual({ code: room.code, attendee: first.attendee, accountKey: acct("Taro") });
        expect(JSON.stringify(await h.rows("attendees"))).not.toContain(first.token);
        expect(await store.attendeeCount(room.code)).toBe(3);
        // The first join started the clock; later ones leave it.
        clock.value += 1000;
        await store.join(room.code, "jiro", acct("jiro"));
        expect((await store.info(room.code))?.startedAt).toBe(first.attendee.joinedAt);
      });

      it("refuses joins to an unknown, locked, full or closed room", async () => {
        expect(await store.join("ZZZZZZ", "a", acct("a"))).toEqual({ ok: false, reason: "no-room" });
        const { room } = await store.createRoom({ ...newRoom, maxAttendees: 2 });
        await store.join(room.code, "a", acct("a"));
        expect((await store.setLocked(room.code, true))?.locked).toBe(true);
        expect(await store.join(room.code, "b", acct("b"))).toEqual({ ok: false, reason: "locked" });
        await store.setLocked(room.code, false);
        await store.join(room.code, "b", acct("b"));
        expect(await store.join(room.code, "c", acct("c"))).toEqual({ ok: false, reason: "full" });
        await store.close(room.code);
        expect(await store.join(room.code, "d", acct("d"))).toEqual({ ok: false, reason: "closed" });
      });

      it("admits at most the room's number of attendees per AWS account, adjustable by the organizer", async () => {
        const { room } = await store.createRoom({ ...newRoom, maxPerAccount: 2 });
        expect((await store.info(room.code))?.maxPerAccount).toBe(2);
        expect((await store.join(room.code, "a", "shared")).ok).toBe(true);
        expect((await store.join(room.code, "b", "shared")).ok).toBe(true);
        expect(await store.join(room.code, "c", "shared")).toEqual({ ok: false, reason: "account-full" });
        expect((await store.join(room.code, "c", "own")).ok).toBe(true);
        expect((await store.setMaxPerAccount(room.code, 3))?.maxPerAccount).toBe(3);
        expect((await store.join(room.code, "d", "shared")).ok).toBe(true);
        expect(await store.nicknameFree(room.code, "Ｄ")).toBe(false);
        expect(await store.nicknameFree(room.code, "e")).toBe(true);
      });

      it("counts open rooms only", async () => {
        const a = (await store.createRoom(newRoom)).room;
        await store.createRoom(newRoom);
        expect(await store.openRoomCount()).toBe(2);
        await store.close(a.code);
        expect(await store.openRoomCount()).toBe(1);
      });

      it("records the first verified time per step, ignores steps not in the room, keeps progress", async () => {
        const { room } = await store.createRoom(newRoom);
        const j = seated(await store.join(room.code, "hanako", acct("hanako")));
        clock.value += 60_000;
        const first = await store.recordDone(j.attendee.id, ["password-policy", "cloudtrail"], "acct-a");
        expect(first.recorded).toEqual([{ step: "password-policy", at: clock.value }]);
        expect(first.accountChanged).toBe(true);
        const firstAt = clock.value;
        clock.value += 60_000;
        const again = await store.recordDone(j.attendee.id, ["password-policy"], "acct-a");
        expect(again).toEqual({ recorded: [], accountChanged: false });
        // A later "todo" reports nothing: what was verified stays.
        await store.recordDone(j.attendee.id, [], "acct-a");
        expect((await store.attendees(room.code))[0].done).toEqual({ "password-policy": firstAt });
        // One step named twice in one report is recorded once; no account key leaves the key as it was.
        const twice = await store.recordDone(j.attendee.id, ["root-mfa", "root-mfa"], null);
        expect(twice).toEqual({ recorded: [{ step: "root-mfa", at: clock.value }], accountChanged: false });
        expect((await store.attendeeByToken(j.token))?.attendee.done).toEqual({ "password-policy": firstAt, "root-mfa": clock.value });
      });

      it("gives a seat with its progress and the account key its checks last recorded", async () => {
        const { room } = await store.createRoom(newRoom);
        const j = seated(await store.join(room.code, "mio", acct("mio")));
        expect(await other.attendeeByToken(j.token)).toEqual({ code: room.code, attendee: j.attendee, accountKey: acct("mio") });
        clock.value += 1000;
        await store.recordDone(j.attendee.id, ["root-mfa"], "k2");
        expect(await other.attendeeByToken(j.token)).toEqual({
          code: room.code,
          attendee: { ...j.attendee, done: { "root-mfa": clock.value } },
          accountKey: "k2",
        });
        // No key with the report leaves the last one.
        await store.recordDone(j.attendee.id, ["teardown"], null);
        expect((await other.attendeeByToken(j.token))?.accountKey).toBe("k2");
        // The attendee itself, what pages and streams are given, carries no key.
        expect(JSON.stringify((await store.attendeeByToken(j.token))?.attendee)).not.toContain("k2");
      });

      it("groups attendees that use one account, for the organizer only", async () => {
        const { room } = await store.createRoom(newRoom);
        const ids: number[] = [];
        for (const n of ["a", "b", "c", "d"]) ids.push(seated(await store.join(room.code, n, acct(n))).attendee.id);
        expect(await store.sharedAccounts(room.code)).toEqual({});
        await store.recordDone(ids[0], [], "k1");
        await store.recordDone(ids[1], [], "k2");
        await store.recordDone(ids[2], [], "k1");
        expect(await store.sharedAccounts(room.code)).toEqual({ [ids[0]]: "A", [ids[2]]: "A" });
        await store.recordDone(ids[3], [], "k2");
        expect(await store.sharedAccounts(room.code)).toEqual({ [ids[0]]: "A", [ids[1]]: "B", [ids[2]]: "A", [ids[3]]: "B" });
        expect((await store.snapshot(room.code))?.sharedAccounts).toBeUndefined();
        expect((await store.snapshot(room.code, { organizer: true }))?.sharedAccounts).toEqual({
          [ids[0]]: "A",
          [ids[1]]: "B",
          [ids[2]]: "A",
          [ids[3]]: "B",
        });
      });

      it("removes an attendee with their progress; their token stops working", async () => {
        const { room } = await store.createRoom(newRoom);
        const j = seated(await store.join(room.code, "ken", acct("ken")));
        await store.recordDone(j.attendee.id, ["root-mfa"], null);
        expect(await store.removeAttendee("OTHER1", j.attendee.id)).toBe(false);
        expect(await store.removeAttendee(room.code, j.attendee.id)).toBe(true);
        expect(await store.removeAttendee(room.code, j.attendee.id)).toBe(false);
        expect(await store.attendeeByToken(j.token)).toBeUndefined();
        expect(await store.attendees(room.code)).toEqual([]);
        expect(await h.rows("progress")).toEqual([]);
        expect(await store.recordDone(j.attendee.id, ["teardown"], null)).toEqual({ recorded: [], accountChanged: false });
        // The nickname is free again.
        expect((await store.join(room.code, "ken", acct("ken"))).ok).toBe(true);
      });

      it("announces, sets the stuck threshold, restarts the clock", async () => {
        const { room } = await store.createRoom(newRoom);
        expect(await store.announce(room.code, "後片付けを始めてください")).toMatchObject({
          announcement: "後片付けを始めてください",
          announcedAt: clock.value,
        });
        expect(await store.announce(room.code, null)).toMatchObject({ announcement: null, announcedAt: null });
        expect((await store.setStuckMinutes(room.code, 15))?.stuckMinutes).toBe(15);
        clock.value += 5000;
        expect((await store.restartClock(room.code))?.startedAt).toBe(clock.value);
      });

      it("lists attendees in join order with their progress, and snapshots the room with the server's time", async () => {
        const { room } = await store.createRoom(newRoom);
        const a = seated(await store.join(room.code, "a", acct("a")));
        clock.value += 1000;
        const b = seated(await store.join(room.code, "b", acct("b")));
        await store.recordDone(b.attendee.id, ["root-mfa", "teardown"], null);
        const list = await store.attendees(room.code);
        expect(list).toEqual([
          { id: a.attendee.id, nickname: "a", joinedAt: a.attendee.joinedAt, done: {} },
          { id: b.attendee.id, nickname: "b", joinedAt: clock.value, done: { "root-mfa": clock.value, teardown: clock.value } },
        ]);
        clock.value += 7;
        expect(await store.snapshot(room.code)).toEqual({ room: await store.info(room.code), attendees: list, serverNow: clock.value });
      });

      it("tracks whether the CSV export is stale, and closing deletes attendees but keeps counts", async () => {
        const { room } = await store.createRoom(newRoom);
        expect(await store.hasUnexportedChanges(room.code)).toBe(false);
        const a = seated(await store.join(room.code, "a", acct("a")));
        const b = seated(await store.join(room.code, "b", acct("b")));
        expect(await store.hasUnexportedChanges(room.code)).toBe(true);
        clock.value += 1000;
        await store.recordDone(a.attendee.id, [...room.steps], "k");
        await store.recordDone(b.attendee.id, ["root-mfa"], "k2");
        clock.value += 1000;
        const rows = await store.exportRows(room.code);
        expect(rows).toEqual([
          { nickname: "a", joinedAt: a.attendee.joinedAt, done: Object.fromEntries(room.steps.map((s) => [s, clock.value - 1000])) },
          { nickname: "b", joinedAt: b.attendee.joinedAt, done: { "root-mfa": clock.value - 1000 } },
        ]);
        expect(await store.hasUnexportedChanges(room.code)).toBe(false);
        clock.value += 1000;
        await store.recordDone(b.attendee.id, ["teardown"], "k2");
        expect(await store.hasUnexportedChanges(room.code)).toBe(true);

        const summary = await store.close(room.code);
        expect(summary).toEqual({
          joined: 2,
          finished: 1,
          done: { "root-access-keys": 1, "root-mfa": 2, "password-policy": 1, teardown: 2 },
        });
        expect(await h.rows("attendees")).toEqual([]);
        expect(await h.rows("progress")).toEqual([]);
        expect(await store.closingSummary(room.code)).toEqual(summary);
        expect(await store.snapshot(room.code)).toMatchObject({ attendees: [], summary, room: { locked: true, closedAt: clock.value } });
        expect(await store.close(room.code)).toEqual(summary);
        expect(await store.recordDone(a.attendee.id, ["root-mfa"], "k")).toEqual({ recorded: [], accountChanged: false });
        expect(await store.attendeeByToken(a.token)).toBeUndefined();
      });

      it("leaves a closed room closed: no unlock, announcement or new settings", async () => {
        const { room } = await store.createRoom(newRoom);
        await store.announce(room.code, "hello");
        await store.close(room.code);
        const closed = await store.info(room.code);
        expect(closed).toMatchObject({ locked: true, announcement: null, announcedAt: null, closedAt: clock.value });
        expect(await store.setLocked(room.code, false)).toEqual(closed);
        expect(await store.announce(room.code, "again")).toEqual(closed);
        expect(await store.setMaxPerAccount(room.code, 9)).toEqual(closed);
        expect(await store.setStuckMinutes(room.code, 30)).toEqual(closed);
        clock.value += 1000;
        expect(await store.restartClock(room.code)).toEqual(closed);
      });
    });

    describe("two instances over one database", () => {
      it("see each other's writes", async () => {
        const { room, organizerKey } = await store.createRoom(newRoom);
        expect(await other.info(room.code)).toEqual(room);
        expect(await other.verifyOrganizer(room.code, organizerKey)).toBe(true);
        const j = seated(await other.join(room.code, "さくら", acct("さくら")));
        expect(await store.attendeeByToken(j.token)).toEqual({ code: room.code, attendee: j.attendee, accountKey: acct("さくら") });
        expect(await store.nicknameFree(room.code, "さくら")).toBe(false);
        clock.value += 1000;
        expect((await store.recordDone(j.attendee.id, ["root-mfa"], "k")).recorded).toEqual([{ step: "root-mfa", at: clock.value }]);
        expect((await other.attendees(room.code))[0].done).toEqual({ "root-mfa": clock.value });
        await other.setLocked(room.code, true);
        expect((await store.info(room.code))?.locked).toBe(true);
        await store.announce(room.code, "休憩です");
        expect((await other.snapshot(room.code))?.room.announcement).toBe("休憩です");
        expect(await other.openRoomCount()).toBe(1);
        expect(await other.removeAttendee(room.code, j.attendee.id)).toBe(true);
        expect(await store.attendeeByToken(j.token)).toBeUndefined();
        expect(await store.close(room.code)).toEqual(await other.closingSummary(room.code));
        expect(await other.openRoomCount()).toBe(0);
      });

      it("never fill a room past its seats: 20 joins race for the last 3", async () => {
        const { room } = await store.createRoom({ ...newRoom, maxAttendees: 5 });
        for (const n of ["a", "b"]) seated(await store.join(room.code, n, acct(n)));
        const names = Array.from({ length: 20 }, (_, i) => `racer${i}`);
        const results = await Promise.all(names.map((n, i) => (i % 2 ? other : store).join(room.code, n, acct(n))));
        expect(results.filter((r) => r.ok)).toHaveLength(3);
        expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(17).fill("full"));
        expect(await store.attendeeCount(room.code)).toBe(5);
        expect(await other.attendees(room.code)).toHaveLength(5);
      });

      it("give one nickname once, whatever its width, case or look-alike letters", async () => {
        const { room } = await store.createRoom(newRoom);
        // "Taro" as typed on a full-width keyboard, in capitals, with Cyrillic Т/а/о or Greek Τ/ο.
        const variants = ["Taro", "ｔａｒｏ", "TARO", "Тaro", "Tаrо", "ΤΑRΟ", "ＴＡＲＯ", "tarо", "taro", "Taro "];
        const attempts = [...variants, ...variants].map((n, i) => (i % 2 ? store : other).join(room.code, n, acct(`${n}-${i}`)));
        const results = await Promise.all(attempts);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason))).toEqual(new Set(["nickname-taken"]));
        expect(await store.attendees(room.code)).toHaveLength(1);
      });

      it("never admit more attendees per account than the room allows, joins racing", async () => {
        const { room } = await store.createRoom({ ...newRoom, maxPerAccount: 3 });
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).join(room.code, `same${i}`, "one-account")),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(3);
        expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(9).fill("account-full"));
      });

      it("make distinct rooms when created at once", async () => {
        const made = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? other : store).createRoom(newRoom)));
        expect(new Set(made.map((m) => m.room.code)).size).toBe(16);
        expect(new Set(made.map((m) => m.organizerKey)).size).toBe(16);
        expect(await other.openRoomCount()).toBe(16);
      });

      it("record each step once when the same progress is reported on both, keeping the first time", async () => {
        const { room } = await store.createRoom(newRoom);
        const j = seated(await store.join(room.code, "hanako", acct("hanako")));
        // Every read of the clock is a later time: each report has its own.
        clock.step = 1;
        const steps: StepId[] = ["root-access-keys", "root-mfa", "password-policy", "teardown"];
        const reports = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).recordDone(j.attendee.id, steps, acct("hanako"))),
        );
        const recorded = reports.flatMap((r) => r.recorded);
        expect(recorded.map((r) => r.step).sort()).toEqual([...steps].sort());
        const done = (await other.attendees(room.code))[0].done;
        expect(done).toEqual(Object.fromEntries(recorded.map((r) => [r.step, r.at])));
        // Reported later on either instance, the first time stays.
        expect(await store.recordDone(j.attendee.id, steps, acct("hanako"))).toEqual({ recorded: [], accountChanged: false });
        expect((await store.attendees(room.code))[0].done).toEqual(done);
      });

      it("close a room once: both closing at once get the same summary", async () => {
        const { room } = await store.createRoom(newRoom);
        const a = seated(await store.join(room.code, "a", acct("a")));
        await store.recordDone(a.attendee.id, ["root-mfa"], null);
        const [one, two] = await Promise.all([store.close(room.code), other.close(room.code)]);
        expect(one).toEqual({ joined: 1, finished: 0, done: { "root-access-keys": 0, "root-mfa": 1, "password-policy": 0, teardown: 0 } });
        expect(two).toEqual(one);
        expect(await store.close(room.code)).toEqual(one);
        expect((await h.rows("rooms")).map((r) => Number(r.closed_at))).toEqual([clock.value]);
      });

      it("count in the closing summary every join and step that went in before the close, none after", async () => {
        for (let round = 0; round < 40; round++) {
          const { room } = await store.createRoom(newRoom);
          const seatedIds: number[] = [];
          for (const n of ["a", "b", "c"]) seatedIds.push(seated(await store.join(room.code, n, acct(n))).attendee.id);
          const racing = await Promise.all([
            ...seatedIds.map((id, i) => (i % 2 ? store : other).recordDone(id, ["root-mfa", "teardown"], null)),
            ...["d", "e", "f"].map((n, i) => (i % 2 ? store : other).join(room.code, n, acct(n))),
            store.close(room.code),
            ...seatedIds.map((id, i) => (i % 2 ? other : store).recordDone(id, ["password-policy"], null)),
          ]);
          const summary = racing[6] as Awaited<ReturnType<RoomStore["close"]>>;
          const reports = [...racing.slice(0, 3), ...racing.slice(7)] as Awaited<ReturnType<RoomStore["recordDone"]>>[];
          const joins = racing.slice(3, 6) as JoinResult[];
          for (const j of joins) expect(j.ok || j.reason === "closed").toBe(true);
          const stepCount = (step: StepId) => reports.flatMap((r) => r.recorded).filter((r) => r.step === step).length;
          expect(summary).toEqual({
            joined: 3 + joins.filter((j) => j.ok).length,
            finished: 0,
            done: { "root-access-keys": 0, "root-mfa": stepCount("root-mfa"), "password-policy": stepCount("password-policy"), teardown: stepCount("teardown") },
          });
          expect(await store.attendees(room.code)).toEqual([]);
        }
        expect(await h.rows("attendees")).toEqual([]);
        expect(await h.rows("progress")).toEqual([]);
      });

      it("snapshot a room consistently while another instance closes it", async () => {
        for (let round = 0; round < 20; round++) {
          const { room } = await store.createRoom(newRoom);
          for (const n of ["a", "b", "c", "d"]) {
            const j = seated(await store.join(room.code, n, acct(n)));
            await store.recordDone(j.attendee.id, ["root-mfa"], acct(n));
          }
          const open = await store.snapshot(room.code, { organizer: true });
          // Snapshots keep being taken, four at a time, until the close is done.
          let closed = false;
          const closing = other.close(room.code).finally(() => (closed = true));
          const snapshots: BoardSnapshot[] = [];
          await Promise.all(
            Array.from({ length: 4 }, async () => {
              do snapshots.push((await store.snapshot(room.code, { organizer: true }))!);
              while (!closed);
            }),
          );
          await closing;
          const summary = { joined: 4, finished: 0, done: { "root-access-keys": 0, "root-mfa": 4, "password-policy": 0, teardown: 0 } };
          for (const s of snapshots) {
            // Either all of the room before the close, or all of it after: never a mix.
            if (s.room.closedAt === null) expect(s).toEqual(open);
            else expect(s).toMatchObject({ room: { locked: true }, attendees: [], summary, sharedAccounts: {} });
          }
        }
      });

      it("snapshot joins and progress whole while another instance records them", async () => {
        const { room } = await store.createRoom(newRoom);
        const writes = (async () => {
          for (let i = 0; i < 8; i++) {
            const j = seated(await other.join(room.code, `p${i}`, acct(`p${i}`)));
            await other.recordDone(j.attendee.id, ["root-mfa"], null);
          }
        })();
        const snapshots: BoardSnapshot[] = [];
        for (let i = 0; i < 8; i++) snapshots.push((await store.snapshot(room.code))!);
        await writes;
        snapshots.push((await store.snapshot(room.code))!);
        for (const s of snapshots) {
          // The room's clock starts with its first join, in the same write.
          expect(s.room.startedAt === null).toBe(s.attendees.length === 0);
          const ids = s.attendees.map((a) => a.id);
          expect(ids).toEqual([...ids].sort((x, y) => x - y));
        }
        expect(snapshots.at(-1)!.attendees.map((a) => a.done)).toEqual(Array(8).fill({ "root-mfa": clock.value }));
      });

      it("never call an export current that misses a join or progress recorded meanwhile on the other instance", async () => {
        clock.step = 1;
        for (let round = 0; round < 40; round++) {
          const { room } = await store.createRoom(newRoom);
          const ids: number[] = [];
          for (const n of ["a", "b", "c"]) ids.push(seated(await store.join(room.code, n, acct(n))).attendee.id);
          const [before, csv, after, joins] = await Promise.all([
            Promise.all(ids.map((id) => other.recordDone(id, ["root-mfa"], null))),
            store.exportRows(room.code),
            Promise.all(ids.map((id) => other.recordDone(id, ["teardown"], null))),
            Promise.all(["d", "e"].map((n) => other.join(room.code, n, acct(n)))),
          ]);
          const inCsv = new Set(csv.flatMap((r) => [r.nickname, ...Object.keys(r.done).map((step) => `${r.nickname}:${step}`)]));
          const written = [
            "a",
            "b",
            "c",
            ...[...before, ...after].flatMap((r, i) => r.recorded.map((x) => `${"abc"[i % 3]}:${x.step}`)),
            ...joins.map((j) => seated(j).attendee.nickname),
          ];
          const missing = written.filter((x) => !inCsv.has(x));
          if (missing.length > 0) expect(await store.hasUnexportedChanges(room.code)).toBe(true);
          expect([...inCsv].filter((x) => !written.includes(x))).toEqual([]);
        }
      });

      it("see an export made on one instance, and later changes made on the other", async () => {
        const { room } = await store.createRoom(newRoom);
        seated(await other.join(room.code, "a", acct("a")));
        clock.value += 1000;
        expect(await store.exportRows(room.code)).toHaveLength(1);
        expect(await other.hasUnexportedChanges(room.code)).toBe(false);
        clock.value += 1000;
        seated(await other.join(room.code, "b", acct("b")));
        expect(await store.hasUnexportedChanges(room.code)).toBe(true);
      });
    });
  });
}
