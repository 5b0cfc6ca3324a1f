import type { AttendeeSnapshot, BoardSnapshot, RoomEvent } from "./model";

/**
 * A board's state: its snapshot and the events since, plus when each attendee removed since
 * was removed. Events from different instances arrive in any order between them
 * (lib/rooms/pg-relay.ts): a join or progress heard after the removal or the closing must not
 * bring a tile back.
 */
export type BoardState = BoardSnapshot & { removedAt?: Readonly<Record<number, number>> };

/**
 * How a board (or organizer page) applies the small events that follow its snapshot.
 * Pure and idempotent: an event seen twice, or one already in the snapshot, changes nothing.
 */
export function applyBoardEvent(state: BoardState, event: RoomEvent): BoardState {
  switch (event.type) {
    case "joined": {
      if (state.room.closedAt !== null) return state;
      // SQLite may give a new attendee the id of the last one removed: a join after the removal is theirs.
      const removedAt = state.removedAt?.[event.attendee.id];
      if (removedAt !== undefined && event.attendee.joinedAt <= removedAt) return state;
      const others = state.attendees.filter((a) => a.id !== event.attendee.id);
      return { ...state, attendees: [...others, event.attendee].sort((a, b) => a.joinedAt - b.joinedAt || a.id - b.id) };
    }
    case "progress": {
      let changed = false;
      const attendees = state.attendees.map((a) => {
        if (a.id !== event.attendeeId || a.done[event.step] !== undefined) return a;
        changed = true;
        return { ...a, done: { ...a.done, [event.step]: event.at } };
      });
      return changed ? { ...state, attendees } : state;
    }
    case "removed": {
      const removedAt = { ...state.removedAt, [event.attendeeId]: Math.max(event.at, state.removedAt?.[event.attendeeId] ?? 0) };
      return { ...state, attendees: state.attendees.filter((a) => a.id !== event.attendeeId), removedAt };
    }
    case "room":
      return { ...state, room: event.room };
    case "accounts":
      return { ...state, sharedAccounts: event.sharedAccounts };
    case "closed":
      return { ...state, room: { ...state.room, closedAt: event.at, locked: true, announcement: null }, attendees: [], summary: event.summary };
  }
}

/** The same for an attendee's own page. */
export function applyAttendeeEvent(state: AttendeeSnapshot, event: RoomEvent): AttendeeSnapshot {
  switch (event.type) {
    case "room":
      return { ...state, room: event.room };
    case "closed":
      return { ...state, room: { ...state.room, closedAt: event.at, locked: true, announcement: null } };
    case "removed":
      return state.you?.id === event.attendeeId ? { ...state, you: null } : state;
    case "progress":
      if (!state.you || state.you.id !== event.attendeeId || state.you.done[event.step] !== undefined) return state;
      return { ...state, you: { ...state.you, done: { ...state.you.done, [event.step]: event.at } } };
    default:
      return state;
  }
}
