import { addParisDays, parisMidnight } from "@medianum/domain";

/** The catalogue's filters, as kept in the address (?lieu=…&theme=…&du=…&au=…). */
export interface Filters {
  /** "c:47001": near a commune (every session, nearest first); "e:200096956": in an EPCI; "": everywhere. */
  where: string;
  theme: string;
  from: string;
  to: string;
}

/** Filters live in the address (?lieu=…&theme=…&du=…&au=…): a filtered list can be shared or bookmarked. */
export function readFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  return { where: p.get("lieu") ?? "", theme: p.get("theme") ?? "", from: p.get("du") ?? "", to: p.get("au") ?? "" };
}

export function toSearch(f: Filters): string {
  const p = new URLSearchParams();
  if (f.where) p.set("lieu", f.where);
  if (f.theme) p.set("theme", f.theme);
  if (f.from) p.set("du", f.from);
  if (f.to) p.set("au", f.to);
  const s = p.toString();
  return s ? `?${s}` : "";
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A calendar day typed in the form, as the first (or last) instant of that Paris day: the same
 * in every browser and on the server that renders the first page, whatever their zones.
 */
function dayBound(day: string, end: boolean): Date | undefined {
  // A day that does not exist (2026-02-30) would roll over: ignore it, as a day not typed.
  if (!DAY_RE.test(day) || addParisDays(day, 0) !== day) return undefined;
  return end ? new Date(parisMidnight(addParisDays(day, 1)).getTime() - 1) : parisMidnight(day);
}

// Theme codes are checked by the server; an unknown one in a hand-edited address is dropped here.
const THEME_RE = /^[a-z_]{2,40}$/;

/** The `booking.upcomingSessions` input for these filters (the server renders the first page with the same one). */
export function catalogueQueryInput(f: Filters) {
  return {
    ...(f.where.startsWith("c:") ? { near: f.where.slice(2) } : {}),
    ...(f.where.startsWith("e:") ? { epciCode: f.where.slice(2) } : {}),
    ...(THEME_RE.test(f.theme) ? { theme: f.theme as "screens" } : {}),
    ...(dayBound(f.from, false) ? { from: dayBound(f.from, false) } : {}),
    ...(dayBound(f.to, true) ? { to: dayBound(f.to, true) } : {}),
  };
}
