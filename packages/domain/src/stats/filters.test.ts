import { describe, expect, it } from "vitest";
import { changePercent, SMALL_BASELINE, statsFiltersFromQuery, statsFiltersQuery, yearChange, currentYearPeriod, objectiveProgress, previousYearPeriod, statsFilters, yearOfPeriod } from "./filters.js";
import { dashboardMetrics, PEOPLE_HELPED_DEFINITION } from "./metrics.js";
import { metricValue } from "./views.js";

describe("statsFilters", () => {
  it("accepts the whole département without an id, and a scope with a valid id", () => {
    expect(statsFilters.parse({ from: "2026-01-01", to: "2026-12-31" })).toEqual({ from: "2026-01-01", to: "2026-12-31", scope: "departement", scopeId: undefined });
    expect(statsFilters.safeParse({ from: "2026-01-01", to: "2026-12-31", scope: "epci", scopeId: "200096956" }).success).toBe(true);
    expect(statsFilters.safeParse({ from: "2026-01-01", to: "2026-12-31", scope: "commune", scopeId: "2A004" }).success).toBe(true);
  });

  it("refuses reversed or too long periods and missing or malformed ids, in French, on the right field", () => {
    const issue = (input: unknown) => {
      const r = statsFilters.safeParse(input);
      return r.success ? null : [r.error.issues[0]!.path.join("."), r.error.issues[0]!.message];
    };
    expect(issue({ from: "2026-02-01", to: "2026-01-01" })).toEqual(["to", "La date de fin doit suivre la date de début."]);
    expect(issue({ from: "2018-01-01", to: "2026-01-01" })).toEqual(["to", "La période ne peut pas dépasser cinq ans."]);
    expect(issue({ from: "2026-01-01", to: "2026-12-31", scope: "epci" })).toEqual(["scopeId", "Choisissez une intercommunalité."]);
    expect(issue({ from: "2026-01-01", to: "2026-12-31", scope: "epci", scopeId: "12" })).toEqual(["scopeId", "Code SIREN d'EPCI invalide (9 chiffres)."]);
    expect(issue({ from: "2026-01-01", to: "2026-12-31", scope: "counsellor", scopeId: "x" })).toEqual(["scopeId", "Choisissez un conseiller dans la liste."]);
    expect(issue({ from: "2026-13-01", to: "2026-12-31" })?.[0]).toBe("from");
  });
});

describe("periods", () => {
  it("shifts a period one year back, 29 February becoming 28 February", () => {
    expect(previousYearPeriod("2026-01-01", "2026-12-31")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(previousYearPeriod("2028-02-01", "2028-02-29")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });
  it("takes the current year in Paris, even on New Year's Eve in UTC", () => {
    expect(currentYearPeriod(new Date("2026-12-31T23:30:00Z"))).toEqual({ from: "2027-01-01", to: "2027-12-31" });
  });
  it("knows the single year of a period, or none", () => {
    expect(yearOfPeriod("2026-03-01", "2026-05-31")).toBe(2026);
    expect(yearOfPeriod("2025-09-01", "2026-06-30")).toBeNull();
  });
  it("computes progress and change in whole percent, none without a base", () => {
    expect(objectiveProgress(350, 1000)).toBe(35);
    expect(objectiveProgress(10, null)).toBeNull();
    expect(changePercent(120, 100)).toBe(20);
    expect(changePercent(80, 100)).toBe(-20);
    expect(changePercent(5, 0)).toBeNull();
  });
  it("gives the change as a count below a small baseline, as a percentage above", () => {
    // 1 → 51 would read "+5000 %".
    expect(yearChange(51, 1)).toEqual({ kind: "count", delta: 50 });
    expect(yearChange(3, 0)).toEqual({ kind: "count", delta: 3 });
    expect(yearChange(2, SMALL_BASELINE - 1)).toEqual({ kind: "count", delta: 3 - SMALL_BASELINE });
    expect(yearChange(SMALL_BASELINE * 2, SMALL_BASELINE)).toEqual({ kind: "percent", percent: 100 });
    expect(yearChange(80, 100)).toEqual({ kind: "percent", percent: -20 });
    expect(yearChange(0, 0)).toEqual({ kind: "none" });
    expect(yearChange(40, 40)).toEqual({ kind: "stable" });
    // +1 on 1,000 rounds to 0 %: it still moved, by one.
    expect(yearChange(1001, 1000)).toEqual({ kind: "count", delta: 1 });
  });
});

describe("dashboard metrics", () => {
  it("include the objective names of the demo data, and define people accompanied", () => {
    for (const m of ["peopleHelped", "individualAccompaniments", "collectiveWorkshops", "collegePupils"]) expect(dashboardMetrics.has(m)).toBe(true);
    expect(PEOPLE_HELPED_DEFINITION).toMatch(/une seule fois/);
  });
  it("shows hours as whole hours of the minutes", () => {
    const t = { peopleHelped: 1, individualAccompaniments: 1, collectiveWorkshops: 0, workshopParticipants: 0, minutes: 179, collegesReached: 0, collegePupils: 0, parentsReached: 0, passPrescribed: 0, passUsed: 0 };
    expect(metricValue(t, "hours")).toBe(2);
    expect(metricValue(t, "peopleHelped")).toBe(1);
  });
});

describe("filters in a page address", () => {
  const now = new Date("2026-06-15T10:00:00Z");
  const read = (q: string) => statsFiltersFromQuery(new URLSearchParams(q), now);
  const thisYear = { from: "2026-01-01", to: "2026-12-31" };

  it("reads back what it wrote", () => {
    const f = { from: "2025-03-01", to: "2025-06-30", scope: "epci" as const, scopeId: "200096956" };
    expect(read(statsFiltersQuery(f))).toEqual(f);
    expect(statsFiltersQuery({ ...thisYear, scope: "departement", scopeId: undefined })).toBe("from=2026-01-01&to=2026-12-31&scope=departement");
  });
  it("falls back to the current year and the whole département without filters", () => {
    expect(read("")).toEqual({ ...thisYear, scope: "departement", scopeId: undefined });
  });
  it("replaces a bad period and keeps a good territory", () => {
    expect(read("from=2026-13-45&to=hier&scope=commune&scopeId=47001")).toEqual({ ...thisYear, scope: "commune", scopeId: "47001" });
    // End before start.
    expect(read("from=2026-05-01&to=2026-04-01&scope=departement")).toEqual({ ...thisYear, scope: "departement", scopeId: undefined });
  });
  it("replaces a bad territory and keeps a good period", () => {
    expect(read("from=2025-01-01&to=2025-03-31&scope=planete&scopeId=x")).toEqual({ from: "2025-01-01", to: "2025-03-31", scope: "departement", scopeId: undefined });
    expect(read("from=2025-01-01&to=2025-03-31&scope=epci&scopeId=123")).toEqual({ from: "2025-01-01", to: "2025-03-31", scope: "departement", scopeId: undefined });
  });
  it("falls back entirely when nothing holds", () => {
    expect(read("from=x&to=y&scope=counsellor&scopeId=pas-un-uuid")).toEqual({ ...thisYear, scope: "departement", scopeId: undefined });
  });
});
