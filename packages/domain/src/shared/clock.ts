import { tzOffset } from "@date-fns/tz/tzOffset";

/**
 * The one clock of the product. It runs for one French département: people type and read
 * calendar days ("2027-03-29") and wall-clock times ("04:04") in Europe/Paris, the database keeps
 * instants. Every conversion between the two goes through this module, so that neither the
 * browser's zone nor the server's `TZ` ever changes a time. The zone's offset at any instant
 * comes from `@date-fns/tz` (`tzOffset`, over the runtime's own tz database), never from a fixed
 * offset; only that function is used, so the portal's first page stays small.
 *
 * Daylight-saving days (last Sunday of March and of October) last 23 h and 25 h: ranges of days
 * are always [Paris midnight of the first day, Paris midnight of the day after the last).
 * A wall-clock time that does not exist or exists twice is resolved like JavaScript's and
 * Temporal's default ("compatible"):
 * - in the spring gap, 02:30 on 2026-03-29 does not exist: it moves forward by the gap, to 03:30
 *   summer time (01:30Z);
 * - in the autumn, 02:30 on 2026-10-25 happens twice: the first one (summer time, 00:30Z) is taken.
 */
export const TIME_ZONE = "Europe/Paris";

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

function parseDay(day: Day): [number, number, number] {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Jour invalide : ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function parseTime(time: string): [number, number] {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Heure invalide : ${time}`);
  return [Number(m[1]), Number(m[2])];
}

const MINUTE = 60_000;
const offsetAt = (t: number) => tzOffset(TIME_ZONE, new Date(t)) * MINUTE;

/** The Paris wall clock of an instant, read through the UTC fields of the returned Date. */
function wallClock(at: Date): Date {
  return new Date(at.getTime() + offsetAt(at.getTime()));
}

/** "2027-03-29" + "04:04" in Paris → the instant (2027-03-29T02:04:00Z). See above for DST gaps and repeats. */
export function parisDayTimeToInstant(day: Day, time: string): Date {
  const [y, mo, d] = parseDay(day);
  const [h, mi] = parseTime(time);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets in force a day before and a day after (switches are months apart) bracket the answer.
  const before = offsetAt(wall - 86_400_000);
  const after = offsetAt(wall + 86_400_000);
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(t) === wall - t);
  // Repeated hour: both fit, the earlier one wins. Gap: none fits; reading the time with the
  // offset from before the switch moves it forward by the gap.
  return new Date(candidates.length ? Math.min(...candidates) : wall - before);
}

/** Noon of a Paris day: an instant well inside that day, for formatters that take a Date. */
export function parisNoon(day: Day): Date {
  return parisDayTimeToInstant(day, "12:00");
}

/** The instant at which a Paris calendar day starts. */
export function parisMidnight(day: Day): Date {
  return parisDayTimeToInstant(day, "00:00");
}

/** The Paris calendar day of an instant. */
export function instantToParisDay(at: Date): Day {
  return wallClock(at).toISOString().slice(0, 10);
}

/** The Paris wall-clock time of an instant, "HH:MM". */
export function instantToParisTime(at: Date): string {
  return wallClock(at).toISOString().slice(11, 16);
}

/** The instant as a Paris day and time: { day: "2027-01-14", time: "09:30" }. */
export function instantToParisDayTime(at: Date): { day: Day; time: string } {
  return { day: instantToParisDay(at), time: instantToParisTime(at) };
}

/** Today in Paris. */
export function parisToday(now: Date): Day {
  return instantToParisDay(now);
}

/** The current year in Paris (on 31 December at 23:30 Paris, it is still that year). */
export function parisYear(now: Date): number {
  return wallClock(now).getUTCFullYear();
}

/** Calendar arithmetic on days (no instants involved, so DST plays no part). */
export function addParisDays(day: Day, n: number): Day {
  const [y, mo, d] = parseDay(day);
  return new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
}

/** Number of calendar days from `from` to `to` (0 when equal). */
export function daysBetween(from: Day, to: Day): number {
  const [y1, m1, d1] = parseDay(from);
  const [y2, m2, d2] = parseDay(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The instants of the Paris days `from`…`to` (both included): [start, end). 23 h or 25 h on DST days. */
export function parisDayRange(from: Day, to: Day = from): { start: Date; end: Date } {
  return { start: parisMidnight(from), end: parisMidnight(addParisDays(to, 1)) };
}

/**
 * A calendar day as stored in a date-only database column (Prisma hands those as UTC midnight).
 * No zone is involved: the day is the day.
 */
export function dayToDateColumn(day: Day): Date {
  const [y, mo, d] = parseDay(day);
  return new Date(Date.UTC(y, mo - 1, d));
}

/** Back from a date-only column to the day. */
export function dateColumnToDay(d: Date): Day {
  return d.toISOString().slice(0, 10);
}

/**
 * The Paris wall clock of an instant (or a plain day at 00:00) as a Date whose UTC fields read
 * that wall clock. For formats that have no zone at all, such as spreadsheet cells: Excel shows
 * what is stored, so it must be the Paris time, not UTC.
 */
export function parisWallClock(at: Date | Day): Date {
  return typeof at === "string" ? dayToDateColumn(at) : wallClock(at);
}
