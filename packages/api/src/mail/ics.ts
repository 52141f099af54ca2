import { runes } from "runes2";

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
 * Written here, line for line what the `ics` library writes for these fields (test/ics.test.ts
 * compares the two): the library cannot skip its yup validation, which cost about 5 % of a
 * booking's CPU, and every value here is ours or already checked by zod.
 */
export function buildIcs(e: CalendarEvent, stamp: Date = new Date()): string {
  const description = e.url ? `${e.description}\n${e.url}` : e.description;
  const hours = Math.floor(e.durationMinutes / 60);
  const minutes = e.durationMinutes % 60;
  const a = e.attendee;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "PRODID:medianum/ateliers",
    `METHOD:${e.method}`,
    "X-WR-CALNAME:Ateliers e-parentalité",
    "X-PUBLISHED-TTL:PT1H",
    "BEGIN:VEVENT",
    `UID:${newLines(e.uid)}`,
    `SUMMARY:${text(e.title)}`,
    `DTSTAMP:${utc(stamp)}`,
    `DTSTART:${utc(e.start)}`,
    `SEQUENCE:${e.sequence}`,
    `DESCRIPTION:${text(description)}`,
    `LOCATION:${text(e.location)}`,
    `STATUS:${e.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    `ORGANIZER;CN=${param(e.organizer.name || "Organizer")}${e.organizer.email ? `:MAILTO:${e.organizer.email}` : ""}`,
    newLines(
      `ATTENDEE;RSVP=${a.rsvp ? "TRUE" : "FALSE"};ROLE=${param("REQ-PARTICIPANT")};PARTSTAT=${param(a.partstat)};CN=${param(a.name || "Unnamed attendee")}${a.email ? `:mailto:${a.email}` : ""}`,
    ),
    `DURATION:PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

const newLines = (s: string) => s.replace(/\r?\n/g, "\\n");
/** A TEXT value (RFC 5545 3.3.11): backslash, new line, semicolon and comma escaped. */
const text = (s: string) => s.replace(/\\/g, "\\\\").replace(/\r?\n/g, "\\n").replace(/;/g, "\\;").replace(/,/g, "\\,");
/** A parameter value, quoted. */
const param = (s: string) => `"${s.replaceAll('"', '\\"')}"`;
const pad = (n: number) => String(n).padStart(2, "0");
const utc = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/**
 * Lines of more than 75 characters continue on lines starting with a tab, cut where the library
 * cuts them: by its "runes" (an emoji with its joiners and modifiers is one).
 */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const chars = runes(line);
  if (chars.length <= 75) return line;
  const parts = [chars.slice(0, 75).join("")];
  for (let i = 75; i < chars.length; i += 74) parts.push(chars.slice(i, i + 74).join(""));
  return parts.join("\r\n\t");
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
