import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TeardownScreen } from "@/components/teardown/TeardownScreen";
import { pageRoom } from "@/lib/rooms/page-room";

type Params = { params: Promise<{ locale: string; room: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "teardown" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * Step 10 for a room's attendee. Under the room's path so that the attendee cookie (scoped
 * to /{locale}/r/CODE) rides along with the teardown's actions and the board hears step 10.
 */
export default async function RoomTeardownPage({ params }: Params) {
  const { locale, room: param } = await params;
  setRequestLocale(locale);
  const room = await pageRoom(locale, param, "/teardown");
  return <TeardownScreen backHref={`/r/${room.code}`} workshop={room.workshop} />;
}
