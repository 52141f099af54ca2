import { z } from "zod";
import { dashboardMetrics } from "./metrics.js";

const int = z.number().int();

export const dashboardTotals = z.object({
  peopleHelped: int,
  individualAccompaniments: int,
  collectiveWorkshops: int,
  workshopParticipants: int,
  /** Stored as minutes, shown as hours: hours are rounded only for display. */
  minutes: int,
  collegesReached: int,
  collegePupils: int,
  parentsReached: int,
  passPrescribed: int,
  passUsed: int,
});
export type DashboardTotals = z.infer<typeof dashboardTotals>;

export const dashboardFigure = z.object({
  metric: dashboardMetrics.schema,
  value: z.number(),
  previous: z.number(),
  objective: z.number().nullable(),
});
export type DashboardFigure = z.infer<typeof dashboardFigure>;

export const dashboardView = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  scopeLabel: z.string(),
  /** Year whose objectives apply, when the period lies in one calendar year and covers the département. */
  objectivesYear: z.number().int().nullable(),
  figures: z.array(dashboardFigure),
  byMonth: z.array(z.object({ month: z.string(), individual: int, collective: int, participants: int, minutes: int })),
  byTheme: z.array(z.object({ theme: z.string(), label: z.string(), records: int, people: int })),
  byCounsellor: z.array(
    z.object({ counsellorId: z.string(), name: z.string(), individual: int, collective: int, participants: int, minutes: int }),
  ),
  byPlaceType: z.array(z.object({ key: z.string(), label: z.string(), records: int, people: int })),
});
export type DashboardView = z.infer<typeof dashboardView>;

/** Value of a metric in the totals (hours are whole hours, rounded down). */
export function metricValue(t: DashboardTotals, metric: z.infer<typeof dashboardMetrics.schema>): number {
  if (metric === "hours") return Math.floor(t.minutes / 60);
  return t[metric];
}

export const objectiveInput = z.object({
  year: z.number({ error: "Indiquez l'année." }).int().min(2020, { error: "Année invalide." }).max(2100, { error: "Année invalide." }),
  objectives: z.array(
    z.object({
      metric: dashboardMetrics.schema,
      value: z
        .number({ error: "Indiquez un nombre entier." })
        .int({ error: "Indiquez un nombre entier." })
        .min(0, { error: "L'objectif ne peut pas être négatif." })
        .max(10_000_000, { error: "Objectif trop grand." })
        .nullable(),
    }),
  ),
});
export type ObjectiveInput = z.infer<typeof objectiveInput>;
