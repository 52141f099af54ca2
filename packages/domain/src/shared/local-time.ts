import { z } from "zod";
import { TIME_ZONE } from "./dates.js";

// Staff type a calendar day and a wall-clock time in the département's zone; the database keeps
// instants. These helpers convert both ways without a date library (Intl knows the zone's rules).

export const hhmmSchema = z
  .string({ error: "Indiquez l'heure." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Heure invalide (format HH:MM, par exemple 09:30)." });

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function zoneParts(d: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** Offset of the zone from UTC at that instant, in minutes (60 in winter, 120 in summer for Paris). */
function offsetMinutes(at: Date): number {
  const p = zoneParts(at);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** "2027-01-14" + "09:30" in Europe/Paris → the instant. */
export function localDateTime(day: string, time: string): Date {
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset around a daylight-saving change.
  let t = naive - offsetMinutes(new Date(naive)) * 60_000;
  t = naive - offsetMinutes(new Date(t)) * 60_000;
  return new Date(t);
}

/** The instant as the département's calendar day and wall-clock time: { day: "2027-01-14", time: "09:30" }. */
export function toLocalDayTime(at: Date): { day: string; time: string } {
  const p = zoneParts(at);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { day: `${p.y}-${pad(p.mo)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.mi)}` };
}
