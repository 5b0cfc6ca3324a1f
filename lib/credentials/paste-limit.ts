/** The longest paste accepted, in characters (a credentials block is about 1,500). Browser-safe. */
export const MAX_PASTE_LENGTH = 16_000;
