import { createEvent } from "ics";

export type IcsMethod = "REQUEST" | "CANCEL";

export interface CalendarEvent {
  /** Stable for the whole life of what it describes (e.g. one registration), so that updates replace it. */
  uid: string;
  /** Raised on every update or cancellation of the same UID; calendars keep the highest. */
  sequence: number;
  method: IcsMethod;
  title: string;
  description: string;
  start: Date;
  durationMinutes: number;
  location: string;
  url?: string | undefined;
  organizer?: { name: string; email: string } | undefined;
}

/**
 * An iCalendar file for one event: METHOD:REQUEST to add or update it, METHOD:CANCEL (same UID,
 * higher SEQUENCE, STATUS:CANCELLED) to remove it from the parent's calendar. Times are in UTC.
 */
export function buildIcs(e: CalendarEvent): string {
  const { error, value } = createEvent({
    uid: e.uid,
    sequence: e.sequence,
    method: e.method,
    status: e.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    title: e.title,
    // The link goes in the description: the library's URL check refuses hosts such as localhost.
    description: e.url ? `${e.description}\n${e.url}` : e.description,
    location: e.location,
    start: e.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { hours: Math.floor(e.durationMinutes / 60), minutes: e.durationMinutes % 60 },
    productId: "medianum/ateliers",
    calName: "Ateliers e-parentalité",
    ...(e.organizer ? { organizer: e.organizer } : {}),
  });
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}

/** The METHOD of a stored iCalendar file (nodemailer needs it to label the attachment). */
export function icsMethod(ics: string): IcsMethod {
  return /^METHOD:CANCEL\r?$/m.test(ics) ? "CANCEL" : "REQUEST";
}
