import "server-only";
import { stringify } from "csv-stringify/sync";
import { stepMeta } from "@/lib/workshop/catalog";
import type { RoomInfo } from "./model";
import type { ExportRow } from "./store";

/** ISO 8601 in the room's time zone (Japan), readable in a spreadsheet. */
function localTime(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().replace("T", " ").slice(0, 19);
}

/**
 * Progress as CSV: one row per attendee, one column per step with when it was first
 * verified. A BOM so that Excel opens Japanese nicknames correctly; cells starting with
 * = + - @ are escaped so a nickname cannot become a formula.
 */
export function progressCsv(room: RoomInfo, rows: ExportRow[], labels: { nickname: string; joinedAt: string; finished: string; step: (n: number) => string }): string {
  const header = [labels.nickname, labels.joinedAt, ...room.steps.map((s) => labels.step(stepMeta(s).number)), labels.finished];
  const body = rows.map((r) => [
    r.nickname,
    localTime(r.joinedAt),
    ...room.steps.map((s) => (r.done[s] !== undefined ? localTime(r.done[s]!) : "")),
    room.steps.every((s) => r.done[s] !== undefined) ? "1" : "0",
  ]);
  return stringify([header, ...body], { bom: true, escape_formulas: true, record_delimiter: "windows" });
}
