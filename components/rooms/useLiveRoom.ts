"use client";

import { useState } from "react";
import { applyBoardEvent, type BoardState } from "@/lib/rooms/board-state";
import type { BoardSnapshot, RoomEvent, RoomInfo } from "@/lib/rooms/model";
import { useEventStream, useNow, useServerOffset } from "./useEventStream";

/**
 * A room as the board and the organizer page see it: the server's snapshot, kept current by
 * the room's event stream; the server's clock offset, and its time ticking every `tickMs`.
 */
export function useLiveRoom(initial: BoardSnapshot, view: "board" | "organizer", tickMs: number) {
  const [state, setState] = useState<BoardState>(initial);
  const [serverNow, setServerNow] = useState(initial.serverNow);
  const apply = (e: unknown) => setState((s) => applyBoardEvent(s, e as RoomEvent));
  const status = useEventStream(`/api/rooms/${initial.room.code}/events?view=${view}`, {
    snapshot: (s) => {
      setState(s as BoardSnapshot);
      setServerNow((s as BoardSnapshot).serverNow);
    },
    ping: (p) => setServerNow((p as { serverNow: number }).serverNow),
    joined: apply,
    progress: apply,
    removed: apply,
    room: apply,
    // Sent to organizers only: which attendees share an AWS account.
    accounts: apply,
    closed: apply,
  });
  const offset = useServerOffset(serverNow);
  const now = useNow(offset, tickMs, initial.serverNow);
  /** An organizer action's answer: the room as it is now, before its event arrives. */
  const setRoom = (room: RoomInfo) => setState((s) => ({ ...s, room }));
  return { state, status, now, offset, setRoom };
}
