import { getTranslations } from "next-intl/server";
import { progressCsv } from "@/lib/rooms/csv";
import { clientKeyFrom } from "@/lib/limits/address";
import { lookUpRoom } from "@/lib/rooms/lookup";
import { isOrganizer, rooms } from "@/lib/rooms/service";

export const dynamic = "force-dynamic";

/** GET /api/rooms/ABC234/export?lang=ja: the room's progress as CSV, for its organizer. */
export async function GET(request: Request, { params }: { params: Promise<{ room: string }> }) {
  const found = await lookUpRoom((await params).room, clientKeyFrom(request));
  if (!found.ok) {
    if (found.failure.code === "rate-limited") {
      return new Response("Too many unknown room codes", { status: 429, headers: { "Retry-After": String(found.failure.params?.seconds ?? 60) } });
    }
    return new Response("No such room", { status: 404 });
  }
  const { room } = found;
  const code = room.code;
  if (!(await isOrganizer(code))) return new Response("Organizer key needed", { status: 403 });
  const lang = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "ja";
  const t = await getTranslations({ locale: lang, namespace: "organize.csv" });
  const csv = progressCsv(room, await rooms().exportRows(code), {
    nickname: t("nickname"),
    joinedAt: t("joinedAt"),
    finished: t("finished"),
    step: (number) => t("step", { number }),
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hajime-${code}-${room.date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
