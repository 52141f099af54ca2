import { describe, expect, it } from "vitest";
import { computeMyFigures, formatHours, type FigureRecord } from "./figures.js";

const at = new Date("2026-11-25T10:00:00Z");
const ind = (date: string, minutes: number, themes: string[]): FigureRecord => ({ type: "Individuel", date, durationMinutes: minutes, participantsCount: 1, themes });
const col = (date: string, minutes: number, participants: number, themes: string[]): FigureRecord => ({
  type: "Collectif",
  date,
  durationMinutes: minutes,
  participantsCount: participants,
  themes,
});

describe("computeMyFigures", () => {
  const records = [
    ind("2026-11-03", 45, ["Email", "SecuriteNumerique"]),
    ind("2026-11-24", 30, ["Email"]),
    col("2026-11-10", 120, 8, ["PrendreEnMainDuMateriel"]),
    ind("2026-06-01", 60, ["Sante"]),
    col("2026-02-14", 90, 5, ["Email"]),
    ind("2025-12-31", 60, ["Email"]), // last year: counted nowhere
    ind("2026-11-26", 60, ["Email"]), // tomorrow (a typo in the date): not counted yet
  ];

  it("counts this month and this year: accompaniments, workshops, people, hours", () => {
    const f = computeMyFigures(records, "2026-11-25", "device", at);
    expect(f.month).toBe("2026-11");
    expect(f.thisMonth).toMatchObject({ accompaniments: 2, workshops: 1, people: 10, minutes: 195 });
    expect(f.thisYear).toMatchObject({ accompaniments: 3, workshops: 2, people: 16, minutes: 345 });
  });

  it("ranks themes by use, ties in the Coop's order", () => {
    const f = computeMyFigures(records, "2026-11-25", "server", at);
    expect(f.thisYear.topThemes).toEqual([
      { theme: "Email", count: 3 },
      { theme: "PrendreEnMainDuMateriel", count: 1 },
      { theme: "Sante", count: 1 },
      { theme: "SecuriteNumerique", count: 1 },
    ]);
    expect(computeMyFigures([...records].reverse(), "2026-11-25", "server", at).thisYear.topThemes).toEqual(f.thisYear.topThemes);
  });

  it("is all zeros without records", () => {
    expect(computeMyFigures([], "2026-01-01", "device", at).thisYear).toEqual({ accompaniments: 0, workshops: 0, people: 0, minutes: 0, topThemes: [] });
  });

  it("writes hours as a counsellor reads them", () => {
    expect(formatHours(195)).toBe("3 h 15");
    expect(formatHours(120)).toBe("2 h");
    expect(formatHours(5)).toBe("0 h 05");
  });
});
