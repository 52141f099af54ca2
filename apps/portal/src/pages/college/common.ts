export const COLLEGE_SITE = "Séances en collège";

/** Absolute address of a tracking page, to copy or bookmark. */
export function trackingHref(token: string): string {
  return `${window.location.origin}/colleges/suivi/${token}`;
}

/** "2027-01-11" → "lundi 11 janvier 2027" (a calendar day, shown without time-zone shift). */
export function dayLabel(day: string, format: (d: Date) => string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : format(d);
}
