import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Board } from "@/components/board/Board";
import { normalizeCode } from "@/lib/rooms/model";
import { pageRoom, pageRoomInfo } from "@/lib/rooms/page-room";
import { qrShape } from "@/lib/rooms/qr";
import { rooms } from "@/lib/rooms/service";
import { publicOrigin, roomUrls } from "@/lib/rooms/urls";

type Params = { params: Promise<{ locale: string; room: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, room } = await params;
  const t = await getTranslations({ locale, namespace: "board" });
  const code = normalizeCode(room);
  const info = code ? await pageRoomInfo(code) : undefined;
  return { title: info ? `${t("title")} · ${info.title}` : t("title"), robots: { index: false } };
}

export default async function BoardPage({ params }: Params) {
  const { locale, room: param } = await params;
  setRequestLocale(locale);
  const room = await pageRoom(locale, param, "/board");
  const snapshot = (await rooms().snapshot(room.code))!;
  const urls = roomUrls(await publicOrigin(), room.code, room.language);
  return <Board initial={snapshot} joinUrl={urls.join} joinQr={qrShape(urls.join)} />;
}
