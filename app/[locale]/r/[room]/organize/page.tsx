import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { OrganizerDashboard } from "@/components/organize/OrganizerDashboard";
import { OrganizerGate } from "@/components/organize/OrganizerGate";
import { pageRoom } from "@/lib/rooms/page-room";
import { qrShape } from "@/lib/rooms/qr";
import { isOrganizer, rooms } from "@/lib/rooms/service";
import { isLoopbackOrigin, publicOrigin, roomUrls } from "@/lib/rooms/urls";

type Params = { params: Promise<{ locale: string; room: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organize" });
  return { title: t("title"), robots: { index: false } };
}

export default async function OrganizePage({ params }: Params) {
  const { locale, room: param } = await params;
  setRequestLocale(locale);
  const room = await pageRoom(locale, param, "/organize");
  const organizer = await isOrganizer(room.code);
  const origin = await publicOrigin();
  const joinUrl = roomUrls(origin, room.code, room.language).join;
  const snapshot = organizer ? await rooms().snapshot(room.code, { organizer: true }) : undefined;
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {snapshot ? (
          <OrganizerDashboard
            initial={snapshot}
            joinUrl={joinUrl}
            joinQr={qrShape(joinUrl)}
            loopbackOrigin={isLoopbackOrigin(origin) ? origin : null}
          />
        ) : (
          <OrganizerGate code={room.code} />
        )}
      </main>
    </>
  );
}
