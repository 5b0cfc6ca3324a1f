import type { AttendeeSnapshot, BoardSnapshot, RoomEvent } from "./model";

/**
 * How a board (or organizer page) applies the small events that follow its snapshot.
 * Pure and idempotent: an event seen twice, or one already in the snapshot, changes nothing.
 */
export function applyBoardEvent(state: BoardSnapshot, event: RoomEvent): BoardSnapshot {
  switch (event.type) {
    case "joined": {
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
    case "removed":
      return { ...state, attendees: state.attendees.filter((a) => a.id !== event.attendeeId) };
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
