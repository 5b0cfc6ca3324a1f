import "server-only";
import { headers } from "next/headers";

/**
 * The address attendees reach this server at. HAJIME_PUBLIC_URL wins (set it behind a
 * proxy or when the organizer's own address, like localhost, is not the attendees').
 */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.HAJIME_PUBLIC_URL?.trim().replace(/\/+$/, "");
  if (configured && /^https?:\/\/[^\s/]+$/.test(configured)) return configured;
  const h = await headers();
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0].trim() === "https" ? "https" : "http";
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "localhost").split(",")[0].trim();
  return `${proto}://${/^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : "localhost"}`;
}

export type RoomUrls = { join: string; board: string; organize: string };

export function roomUrls(origin: string, code: string, language: string): RoomUrls {
  const base = `${origin}/${language}/r/${code}`;
  return { join: base, board: `${base}/board`, organize: `${base}/organize` };
}

/** Whether attendees' phones can hardly reach this origin (the organizer opened localhost). */
export function isLoopbackOrigin(origin: string): boolean {
  return /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(origin);
}
