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
  /** Who sends the invitation (RFC 5546 requires it in REQUEST and CANCEL): the département's sender. */
  organizer: { name: string; email: string };
  /** Whom the invitation is for: the one person the e-mail goes to. */
  attendee: CalendarAttendee;
}

export interface CalendarAttendee {
  name: string;
  email: string;
  /**
   * ACCEPTED for whoever asked for the event (a parent who booked, a collège that requested it);
   * NEEDS-ACTION for someone assigned to it (a counsellor), whose calendar then asks them.
   */
  partstat: "ACCEPTED" | "NEEDS-ACTION";
  /**
   * Whether a reply is expected. Replies go to the organizer, whose mailbox nobody reads for
   * that: false for everyone, so that no calendar sends answers into a void.
   */
  rsvp: boolean;
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
    organizer: e.organizer,
    attendees: [{ name: e.attendee.name, email: e.attendee.email, rsvp: e.attendee.rsvp, partstat: e.attendee.partstat, role: "REQ-PARTICIPANT" }],
  });
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}

/** The METHOD of a stored iCalendar file (nodemailer needs it to label the attachment). */
/** "Médianum <ne-pas-repondre@exemple.fr>" or a bare address, as an ORGANIZER (a bare address names itself). */
export function organizerOf(mailbox: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(mailbox);
  if (m) return { name: m[1]!.trim() || m[2]!.trim(), email: m[2]!.trim() };
  return { name: mailbox.trim(), email: mailbox.trim() };
}

export function icsMethod(ics: string): IcsMethod {
  return /^METHOD:CANCEL\r?$/m.test(ics) ? "CANCEL" : "REQUEST";
}
