import { parisNoon } from "@medianum/domain";

export const COLLEGE_SITE = "Séances en collège";

/** Absolute address of a tracking page, to copy or bookmark. */
export function trackingHref(token: string): string {
  return `${window.location.origin}/colleges/suivi/${token}`;
}

/** "2027-01-11" → "lundi 11 janvier 2027" (a calendar day, shown without time-zone shift). */
export function dayLabel(day: string, format: (d: Date) => string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? format(parisNoon(day)) : day;
}
