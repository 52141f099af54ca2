import { changePercent, dayToDateColumn, formatDuration, objectiveProgress } from "@medianum/domain";

export const nf = new Intl.NumberFormat("fr-FR");
// Calendar days and months carry no time: formatted from their UTC-midnight form, in UTC.
const monthFmt = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const dayFmt = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-03" → "mars 2026" */
export function monthLabel(month: string): string {
  return monthFmt.format(dayToDateColumn(`${month}-01`));
}
/** "2026-03-01" → "1 mars 2026" */
export function dayLabel(day: string): string {
  return dayFmt.format(dayToDateColumn(day));
}
export function periodLabel(p: { from: string; to: string }): string {
  return `du ${dayLabel(p.from)} au ${dayLabel(p.to)}`;
}
export function hoursLabel(minutes: number): string {
  return minutes < 60 ? formatDuration(minutes) : `${nf.format(Math.floor(minutes / 60))} h`;
}

/** "+12 % par rapport à l'an dernier (1 234)" in words a reader understands. */
export function comparisonText(value: number, previous: number): string {
  const change = changePercent(value, previous);
  if (change === null) return previous === value ? "Aucun l'an dernier non plus" : `Aucun sur la même période l'an dernier`;
  if (change === 0) return `Stable par rapport à l'an dernier (${nf.format(previous)})`;
  return `${change > 0 ? "+" : "−"}${Math.abs(change)} % par rapport à l'an dernier (${nf.format(previous)})`;
}
export function objectiveText(value: number, objective: number | null): string | null {
  const p = objectiveProgress(value, objective);
  return p === null || objective === null ? null : `${p} % de l'objectif annuel (${nf.format(objective)})`;
}
