import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { JoinForm } from "@/components/rooms/JoinForm";
import { RoomBar } from "@/components/rooms/RoomBar";
import { Workshop } from "@/components/workshop/Workshop";
import { pageSession } from "@/lib/credentials/current";
import { normalizeCode } from "@/lib/rooms/model";
import { pageRoom, pageRoomInfo } from "@/lib/rooms/page-room";
import { currentAttendee, rooms } from "@/lib/rooms/service";
import { Link } from "@/i18n/navigation";

type Params = { params: Promise<{ locale: string; room: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, room: param } = await params;
  const code = normalizeCode(param);
  const room = code ? await pageRoomInfo(code) : undefined;
  // An unknown code shows the not-found page, which needs a title too.
  const title = room?.title ?? (await getTranslations({ locale, namespace: "a11y" }))("roomNotFoundTitle");
  return { title, robots: { index: false } };
}

/** The QR code's target: the join form, or (once joined, from this browser) the checklist. */
export default async function RoomPage({ params }: Params) {
  const { locale, room: param } = await params;
  setRequestLocale(locale);
  const room = await pageRoom(locale, param);
  const t = await getTranslations("join");
  const attendee = await currentAttendee(room.code);

  const { session, ended } = await pageSession();
  if (!attendee) {
    const full = (await rooms().attendeeCount(room.code)) >= room.maxAttendees;
    const refusal = room.closedAt !== null ? t("closed") : room.locked ? t("locked") : full ? t("full", { max: room.maxAttendees }) : null;
    return (
      <>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-xl px-4 py-8">
          {refusal ? (
            <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
              <h1 className="text-2xl font-bold">{room.title}</h1>
              <p role="alert" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="join-refused">
                {refusal}
              </p>
              <Link href="/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
                {t("backHome")}
              </Link>
            </div>
          ) : (
            <JoinForm code={room.code} title={room.title} session={session} />
          )}
        </main>
      </>
    );
  }

  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 pb-24 pt-4">
        <Workshop
          initialSession={session}
          initialSignedOut={ended}
          room={room.code}
          steps={room.steps}
          header={<RoomBar initial={{ room, you: attendee.attendee, serverNow: Date.now() }} />}
        />
      </main>
    </>
  );
}
