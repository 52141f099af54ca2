import { parisNoon, TIME_ZONE, type Day } from "./clock.js";

// Display only: every conversion between days/times and instants is in clock.ts.

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** "mardi 3 décembre 2026 à 14:00" */
export function formatDateTime(d: Date): string {
  return dateTimeFormat.format(d);
}
export function formatDate(d: Date): string {
  return dateFormat.format(d);
}
export function formatTime(d: Date): string {
  return timeFormat.format(d);
}
/** A calendar day, "jeudi 14 janvier 2027". */
export function formatDay(day: Day): string {
  return dateFormat.format(parisNoon(day));
}

/** "1 h 30", "45 min" */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}
