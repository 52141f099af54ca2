import { FEED_CSV_COLUMNS, instantToParisDayTime, type FeedSessionView } from "@medianum/domain";
import { stringify } from "csv-stringify/sync";
import { createEvents, type EventAttributes } from "ics";
import { csvOptions } from "../shared/csv.js";

export const FEED_CALENDAR_NAME = "Ateliers e-parentalité";

/**
 * The iCalendar subscription feed (METHOD:PUBLISH). Each session keeps its UID for life, so a
 * calendar that refreshes the feed moves or cancels the event it already shows instead of adding
 * another. A cancelled session stays, with STATUS:CANCELLED and « Annulé » in its title (some
 * calendars ignore the status), and a higher SEQUENCE.
 */
export function feedIcs(sessions: FeedSessionView[]): string {
  const events: EventAttributes[] = sessions.map((s) => {
    const cancelled = s.status === "cancelled";
    const seats = cancelled ? "Séance annulée." : s.seatsLeft === 0 ? "Complet : inscription sur liste d'attente." : `Places restantes : ${s.seatsLeft}.`;
    return {
      uid: s.uid,
      sequence: cancelled ? 1 : 0,
      status: cancelled ? "CANCELLED" : "CONFIRMED",
      title: cancelled ? `Annulé : ${s.title}` : s.title,
      // The link goes in the description: the library's URL check refuses hosts such as localhost.
      description: `${s.description}\n\n${s.themeLabel}. ${seats}\nInscription : ${s.url}`,
      location: [s.place.name, s.place.address, `${s.place.postalCode} ${s.place.communeName}`].filter(Boolean).join(", "),
      categories: [s.themeLabel],
      start: s.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      duration: { hours: Math.floor(s.durationMinutes / 60), minutes: s.durationMinutes % 60 },
      lastModified: s.updatedAt.getTime(),
      busyStatus: "FREE",
      transp: "TRANSPARENT",
    };
  });
  const { error, value } = createEvents(events, { productId: "medianum/ateliers", method: "PUBLISH", calName: FEED_CALENDAR_NAME });
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}

/** The open-data listing: plain values, instants in ISO 8601 (UTC), Paris wall clock alongside for people. */
export function feedJson(sessions: FeedSessionView[], generatedAt: Date): string {
  return JSON.stringify({
    generatedAt: generatedAt.toISOString(),
    sessions: sessions.map((s) => ({
      id: s.id,
      uid: s.uid,
      title: s.title,
      theme: s.theme,
      themeLabel: s.themeLabel,
      description: s.description,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      durationMinutes: s.durationMinutes,
      status: s.status,
      statusLabel: s.statusLabel,
      seatsLeft: s.seatsLeft,
      capacity: s.capacity,
      place: s.place,
      url: s.url,
    })),
  });
}

const paris = (at: Date) => {
  const { day, time } = instantToParisDayTime(at);
  return `${day} ${time}`;
};

/** The same listing as a spreadsheet (through shared/csv.ts: a title typed as « =… » stays text). */
export function feedCsv(sessions: FeedSessionView[]): string {
  return stringify(
    sessions.map((s) => {
      const cells = [
      s.id,
      s.title,
      s.themeLabel,
      paris(s.startsAt),
      paris(s.endsAt),
      String(s.durationMinutes),
      s.statusLabel,
      s.seatsLeft === null ? "" : String(s.seatsLeft),
      s.place.name,
      s.place.address,
      s.place.postalCode,
      s.place.communeName,
      s.place.communeInsee,
      s.place.epciCode ?? "",
      s.url,
      ];
      return Object.fromEntries(FEED_CSV_COLUMNS.map((c, i) => [c, cells[i]]));
    }),
    csvOptions([...FEED_CSV_COLUMNS]),
  );
}
