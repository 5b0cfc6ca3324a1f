// V8 heap flags for the production server (`npm start`, the browser tests, bench/board).
// Without them V8 lets the heap grow far past what the server keeps alive: a full room
// (300 attendees, bench/board) peaked at 311–367 MB; with them, 245 MB. The live heap
// stays well under the old-space cap there; raise it with your own NODE_OPTIONS if needed.
const FLAGS = { "--max-semi-space-size": "2", "--max-old-space-size": "256" };

/** NODE_OPTIONS with the server's heap flags added, keeping any the operator already set. */
export function serverNodeOptions(existing = "") {
  const extra = Object.entries(FLAGS)
    .filter(([flag]) => !existing.includes(flag))
    .map(([flag, value]) => `${flag}=${value}`);
  return [existing, ...extra].filter(Boolean).join(" ");
}
