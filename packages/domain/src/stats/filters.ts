import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { inseeCodeSchema, isoDateSchema, searchText } from "../shared/schemas.js";
import { daysBetween, parisYear } from "../shared/clock.js";

/** Where the figures come from: the whole département, one EPCI, one commune or one counsellor. */
export const statsScopes = valueList([
  { value: "departement", label: "Tout le département" },
  { value: "epci", label: "Une intercommunalité (EPCI)" },
  { value: "commune", label: "Une commune" },
  { value: "counsellor", label: "Un conseiller ou une conseillère" },
]);
export type StatsScope = ValueOf<typeof statsScopes>;

/** Longest period one request may cover (exports and dashboard alike). */
export const STATS_MAX_DAYS = 366 * 5;

const epciCode = z.string().regex(/^\d{9}$/, { error: "Code SIREN d'EPCI invalide (9 chiffres)." });

/**
 * The filters of the dashboard, the territory view and every export: one flat schema, so that
 * the same values travel in a tRPC input and in an export link's query string.
 */
export const statsFilters = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    scope: statsScopes.schema.default("departement"),
    /** EPCI SIREN, commune INSEE code or counsellor id, depending on the scope. */
    scopeId: searchText("Territoire ou conseiller", 64),
  })
  .superRefine((f, ctx) => {
    if (f.from > f.to) ctx.addIssue({ code: "custom", path: ["to"], message: "La date de fin doit suivre la date de début." });
    else if (daysBetween(f.from, f.to) > STATS_MAX_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "La période ne peut pas dépasser cinq ans." });
    }
    if (f.scope === "departement") return;
    const check =
      f.scope === "epci" ? epciCode : f.scope === "commune" ? inseeCodeSchema : z.uuid({ error: "Choisissez un conseiller dans la liste." });
    const message = f.scope === "epci" ? "Choisissez une intercommunalité." : f.scope === "commune" ? "Choisissez une commune." : "Choisissez un conseiller.";
    if (!f.scopeId) ctx.addIssue({ code: "custom", path: ["scopeId"], message });
    else {
      const res = check.safeParse(f.scopeId);
      if (!res.success) ctx.addIssue({ code: "custom", path: ["scopeId"], message: res.error.issues[0]!.message });
    }
  });
export type StatsFilters = z.output<typeof statsFilters>;
export type StatsFiltersInput = z.input<typeof statsFilters>;

/**
 * The filters carried in a page address (`?from=…&to=…&scope=…&scopeId=…`), so that a view can be
 * bookmarked and shared. An address typed or edited by hand may hold anything: a bad period falls
 * back to the current year, a bad territory to the whole département, each on its own.
 */
export function statsFiltersFromQuery(params: URLSearchParams, now: Date): StatsFilters {
  const fallback: StatsFilters = { ...currentYearPeriod(now), scope: "departement", scopeId: undefined };
  const read = (k: string) => params.get(k) ?? undefined;
  const asked = { from: read("from"), to: read("to"), scope: read("scope"), scopeId: read("scopeId") };
  const candidates = [
    asked,
    { ...asked, from: fallback.from, to: fallback.to },
    { ...asked, scope: "departement", scopeId: undefined },
  ];
  for (const c of candidates) {
    const res = statsFilters.safeParse(c);
    if (res.success) return { ...res.data, scopeId: res.data.scope === "departement" ? undefined : res.data.scopeId };
  }
  return fallback;
}

/** The query string of a set of filters, read back by statsFiltersFromQuery. */
export function statsFiltersQuery(f: StatsFilters): string {
  const p = new URLSearchParams({ from: f.from, to: f.to, scope: f.scope });
  if (f.scope !== "departement" && f.scopeId) p.set("scopeId", f.scopeId);
  return p.toString();
}

/** The same calendar period one year earlier (29 February becomes 28 February). */
export function previousYearPeriod(from: string, to: string): { from: string; to: string } {
  return { from: shiftYear(from, -1), to: shiftYear(to, -1) };
}

function shiftYear(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Default period: the current calendar year in the département's time zone. */
export function currentYearPeriod(now: Date): { from: string; to: string } {
  const year = parisYear(now);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The calendar year a period lies in, when it lies in exactly one (objectives are yearly). */
export function yearOfPeriod(from: string, to: string): number | null {
  return from.slice(0, 4) === to.slice(0, 4) ? Number(from.slice(0, 4)) : null;
}

/** Share of a yearly objective reached, in whole percent, or null when there is no objective. */
export function objectiveProgress(value: number, objective: number | null): number | null {
  if (objective === null || objective <= 0) return null;
  return Math.round((value / objective) * 100);
}

/** Change against the previous period, in whole percent; null when there was nothing to compare with. */
export function changePercent(value: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((value - previous) / previous) * 100);
}

/**
 * Below this many last year, a percentage misleads ("+5000 %" for 1 → 51): the change is given
 * as a count instead.
 */
export const SMALL_BASELINE = 20;

/** How a figure compares with the same period last year, in the unit a reader can trust. */
export type YearChange =
  | { kind: "none" }
  | { kind: "stable" }
  | { kind: "count"; delta: number }
  | { kind: "percent"; percent: number };

export function yearChange(value: number, previous: number): YearChange {
  if (previous === 0 && value === 0) return { kind: "none" };
  if (value === previous) return { kind: "stable" };
  if (previous < SMALL_BASELINE) return { kind: "count", delta: value - previous };
  const percent = changePercent(value, previous)!;
  // A change too small to show as a whole percent still moved: say by how much.
  return percent === 0 ? { kind: "count", delta: value - previous } : { kind: "percent", percent };
}
