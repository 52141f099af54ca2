import { dayToDateColumn, yearChange, formatDuration, objectiveProgress } from "@medianum/domain";

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

/**
 * "+12 % par rapport à l'an dernier (1 234)" in words a reader understands; against a tiny
 * baseline the change is a count ("+49 par rapport à l'an dernier (2)").
 */
export function comparisonText(value: number, previous: number): string {
  const change = yearChange(value, previous);
  const sign = (n: number) => (n > 0 ? "+" : "−");
  switch (change.kind) {
    case "none":
      return "Aucun l'an dernier non plus";
    case "stable":
      return `Stable par rapport à l'an dernier (${nf.format(previous)})`;
    case "count":
      return `${sign(change.delta)}${nf.format(Math.abs(change.delta))} par rapport à l'an dernier (${nf.format(previous)})`;
    case "percent":
      return `${sign(change.percent)}${nf.format(Math.abs(change.percent))} % par rapport à l'an dernier (${nf.format(previous)})`;
  }
}
export function objectiveText(value: number, objective: number | null): string | null {
  const p = objectiveProgress(value, objective);
  return p === null || objective === null ? null : `${p} % de l'objectif annuel (${nf.format(objective)})`;
}
