import { z } from "zod";
import { mediationThemes, type MediationTheme } from "../activity/coop-lists.js";

/** What "my figures" need of a record: the same fields on the server and on the device. */
export interface FigureRecord {
  type: "Individuel" | "Collectif";
  /** YYYY-MM-DD */
  date: string;
  durationMinutes: number;
  participantsCount: number;
  themes: readonly string[];
}

export const periodFigures = z.object({
  accompaniments: z.number().int(),
  workshops: z.number().int(),
  /** People met: one per accompaniment, the participants of each workshop. */
  people: z.number().int(),
  minutes: z.number().int(),
  topThemes: z.array(z.object({ theme: mediationThemes.schema, count: z.number().int() })),
});
export type PeriodFigures = z.infer<typeof periodFigures>;

export const myFiguresView = z.object({
  /** YYYY-MM and YYYY of "this month" and "this year", in the département's time zone. */
  month: z.string(),
  year: z.string(),
  thisMonth: periodFigures,
  thisYear: periodFigures,
  /** Where the figures come from: the server (everything) or the device (what it holds). */
  source: z.enum(["server", "device"]),
  computedAt: z.date(),
});
export type MyFiguresView = z.infer<typeof myFiguresView>;

export const TOP_THEMES = 5;

function figuresOf(records: readonly FigureRecord[]): PeriodFigures {
  const counts = new Map<string, number>();
  let accompaniments = 0;
  let workshops = 0;
  let people = 0;
  let minutes = 0;
  for (const r of records) {
    if (r.type === "Individuel") {
      accompaniments += 1;
      people += 1;
    } else {
      workshops += 1;
      people += r.participantsCount;
    }
    minutes += r.durationMinutes;
    for (const t of r.themes) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const topThemes = [...counts.entries()]
    .filter(([t]) => mediationThemes.has(t))
    // Most frequent first; ties in the Coop's list order, so the result does not depend on input order.
    .sort((a, b) => b[1] - a[1] || mediationThemes.values.indexOf(a[0] as MediationTheme) - mediationThemes.values.indexOf(b[0] as MediationTheme))
    .slice(0, TOP_THEMES)
    .map(([theme, count]) => ({ theme: theme as MediationTheme, count }));
  return { accompaniments, workshops, people, minutes, topThemes };
}

/** Figures of this month and this year, `today` being the local calendar day (YYYY-MM-DD). */
export function computeMyFigures(records: readonly FigureRecord[], today: string, source: "server" | "device", computedAt: Date): MyFiguresView {
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  const thisYear = records.filter((r) => r.date.startsWith(year) && r.date <= today);
  return {
    month,
    year,
    thisMonth: figuresOf(thisYear.filter((r) => r.date.startsWith(month))),
    thisYear: figuresOf(thisYear),
    source,
    computedAt,
  };
}

/** "12 h 30" */
export function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h`;
}
