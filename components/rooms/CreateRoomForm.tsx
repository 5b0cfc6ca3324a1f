"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { createRoom } from "@/lib/rooms/actions";
import { DEFAULT_MAX_ATTENDEES, DEFAULT_MAX_PER_ACCOUNT, MAX_ATTENDEES_LIMIT, ROOM_LANGUAGES, TITLE_MAX } from "@/lib/rooms/model";
import { DEFAULT_WORKSHOP_ID, stepMeta, WORKSHOPS, workshopById, type WorkshopId } from "@/workshops";
import { Button } from "@/components/ui/Button";
import { FailureMessage } from "@/components/ui/FailureMessage";
import { useServerForm } from "@/components/ui/useServerForm";
import { RoomCreated } from "./RoomCreated";

function today(): string {
  // The date in Japan, where the hands-on happens.
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

export function CreateRoomForm() {
  const t = useTranslations("create");
  const ts = useTranslations("steps");
  const tw = useTranslations("workshops");
  const locale = useLocale();
  const { state, pending, onSubmit } = useServerForm(createRoom);
  const [title, setTitle] = useState("");
  const [workshop, setWorkshop] = useState<WorkshopId>(DEFAULT_WORKSHOP_ID);
  const lang = locale === "en" ? "en" : "ja";

  if (state?.ok) return <RoomCreated room={state.data} title={title} />;

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4">
      <div>
        <label htmlFor="room-title" className="block text-sm font-semibold">
          {t("title")}
        </label>
        <input
          id="room-title"
          name="title"
          required
          maxLength={TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t("titlePlaceholder")}
          className="mt-1 block min-h-10 w-full rounded-lg border border-stone-500 bg-white px-3"
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="room-date" className="block text-sm font-semibold">
            {t("date")}
          </label>
          <input id="room-date" name="date" type="date" required defaultValue={today()} className="mt-1 block min-h-10 rounded-lg border border-stone-500 bg-white px-3" />
        </div>
        <div>
          <label htmlFor="room-language" className="block text-sm font-semibold">
            {t("language")}
          </label>
          <select id="room-language" name="language" defaultValue={locale} className="mt-1 block min-h-10 rounded-lg border border-stone-500 bg-white px-3">
            {ROOM_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="room-max" className="block text-sm font-semibold">
            {t("maxAttendees")}
          </label>
          <input
            id="room-max"
            name="maxAttendees"
            type="number"
            min={1}
            max={MAX_ATTENDEES_LIMIT}
            defaultValue={DEFAULT_MAX_ATTENDEES}
            className="mt-1 block min-h-10 w-28 rounded-lg border border-stone-500 bg-white px-3"
          />
        </div>
        <div>
          <label htmlFor="room-per-account" className="block text-sm font-semibold">
            {t("maxPerAccount")}
          </label>
          <input
            id="room-per-account"
            name="maxPerAccount"
            type="number"
            min={1}
            max={MAX_ATTENDEES_LIMIT}
            defaultValue={DEFAULT_MAX_PER_ACCOUNT}
            aria-describedby="room-per-account-help"
            className="mt-1 block min-h-10 w-28 rounded-lg border border-stone-500 bg-white px-3"
          />
        </div>
      </div>
      <p id="room-per-account-help" className="text-xs text-stone-600">
        {t("maxPerAccountHelp")}
      </p>
      <fieldset>
        <legend className="text-sm font-semibold">{t("workshop")}</legend>
        <div className="mt-2 grid gap-2">
          {WORKSHOPS.map((w) => (
            <label key={w.id} className="flex items-start gap-2 rounded-lg border border-stone-300 bg-white p-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input
                type="radio"
                name="workshop"
                value={w.id}
                checked={workshop === w.id}
                onChange={() => setWorkshop(w.id)}
                className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700"
              />
              <span>
                <span className="block font-semibold">{w.title[lang]}</span>
                <span className="block text-stone-700">{tw(`${w.id}.description`)}</span>
                <span className="block text-xs text-stone-600">{t("workshopFacts", { steps: w.steps.length, minutes: w.durationMinutes })}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold">{t("steps")}</legend>
        <p className="text-xs text-stone-600">{t("stepsHelp")}</p>
        {/* Keyed by workshop: another workshop's list starts all ticked again. */}
        <div key={workshop} className="mt-2 grid gap-1 sm:grid-cols-2">
          {(workshopById(workshop)?.steps ?? []).map(({ id }) => stepMeta(id)).map((s) => (
            <label key={s.id} className="flex min-h-9 items-center gap-2 rounded-md px-2 text-sm hover:bg-stone-100">
              <input type="checkbox" name="steps" value={s.id} defaultChecked className="h-5 w-5 shrink-0 accent-brand-700" />
              <span className="w-5 text-right font-bold tabular-nums">{s.number}</span>
              <span>{ts(`${s.id}.title`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" busy={pending}>
        {pending ? t("creating") : t("submit")}
      </Button>
      {state && !state.ok && <FailureMessage failure={state} autoFocus />}
    </form>
  );
}
