import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardView } from "@medianum/domain";
import { createHarness, errorOf, type Harness } from "./harness.js";
import { seedSteeringDataset } from "./stats-fixtures.js";

let h: Harness;
let data: Awaited<ReturnType<typeof seedSteeringDataset>>;

beforeAll(async () => {
  h = await createHarness();
  data = await seedSteeringDataset(h.db);
});
afterAll(() => h.close());

async function coordinator() {
  const c = h.client();
  await c.login("coordination@test.fr");
  return c.api();
}

const figures = (v: DashboardView) => Object.fromEntries(v.figures.map((f) => [f.metric, f.value]));
const previous = (v: DashboardView) => Object.fromEntries(v.figures.map((f) => [f.metric, f.previous]));

describe("dashboard figures on a known dataset", () => {
  it("counts the whole département for 2026, with 2025 beside it and the 2026 objectives", async () => {
    const api = await coordinator();
    const v = await api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31" });
    expect(v.scopeLabel).toBe("Lot-et-Garonne");
    expect(figures(v)).toEqual({
      peopleHelped: 17, // 3 anonymous individual + 1 followed person (2 records) + 13 participants
      individualAccompaniments: 5,
      collectiveWorkshops: 2,
      workshopParticipants: 13,
      hours: 7, // 420 minutes
      collegesReached: 2,
      collegePupils: 89, // 24 + 28 (class size, presence not reported) + 19 + 18 (1 January in Paris)
      parentsReached: 5, // attended seats only, cancelled session excluded
      passPrescribed: 3,
      passUsed: 2,
    });
    expect(v.previousPeriod).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(previous(v)).toEqual({
      peopleHelped: 6,
      individualAccompaniments: 2,
      collectiveWorkshops: 1,
      workshopParticipants: 4,
      hours: 2,
      collegesReached: 1,
      collegePupils: 22,
      parentsReached: 1,
      passPrescribed: 1,
      passUsed: 0,
    });
    expect(v.objectivesYear).toBe(2026);
    const objectives = Object.fromEntries(v.figures.map((f) => [f.metric, f.objective]));
    expect(objectives.peopleHelped).toBe(100);
    expect(objectives.collegePupils).toBe(200);
    expect(objectives.individualAccompaniments).toBeNull();
  });

  it("breaks 2026 down by month, theme, counsellor and place type", async () => {
    const api = await coordinator();
    const v = await api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31" });
    expect(v.byMonth).toHaveLength(12);
    expect(v.byMonth[0]).toEqual({ month: "2026-01", individual: 2, collective: 0, participants: 0, minutes: 90 });
    expect(v.byMonth[2]).toEqual({ month: "2026-03", individual: 1, collective: 1, participants: 8, minutes: 210 });
    expect(v.byMonth[4]).toEqual({ month: "2026-05", individual: 0, collective: 0, participants: 0, minutes: 0 });
    expect(v.byMonth[11]).toEqual({ month: "2026-12", individual: 0, collective: 1, participants: 5, minutes: 60 });
    expect(v.byTheme).toEqual([
      { theme: "Email", label: "E-mail", records: 4, people: 8 },
      { theme: "AideAuxDemarchesAdministratives", label: "Aide aux démarches administratives", records: 1, people: 1 },
      { theme: "PrendreEnMainDuMateriel", label: "Prendre en main du matériel", records: 1, people: 8 },
      { theme: "Sante", label: "Santé", records: 1, people: 1 },
      { theme: "SecuriteNumerique", label: "Sécurité numérique", records: 1, people: 1 },
    ]);
    expect(v.byCounsellor).toEqual([
      { counsellorId: data.c1, name: "Alice Martin", individual: 3, collective: 1, participants: 5, minutes: 195 },
      { counsellorId: data.c2, name: "Bruno Petit", individual: 2, collective: 1, participants: 8, minutes: 225 },
    ]);
    expect(v.byPlaceType).toEqual([
      { key: "mediatheque", label: "Médiathèque", records: 5, people: 9 },
      { key: "lieu:Domicile", label: "Sans lieu enregistré — À domicile", records: 1, people: 1 },
      { key: "mairie", label: "Mairie", records: 1, people: 8 },
    ]);
  });

  it("restricts to an EPCI (Agglomération d'Agen)", async () => {
    const api = await coordinator();
    const v = await api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31", scope: "epci", scopeId: "200096956" });
    expect(v.scopeLabel).toBe("Agglomération d'Agen");
    expect(figures(v)).toEqual({
      peopleHelped: 8,
      individualAccompaniments: 4,
      collectiveWorkshops: 1,
      workshopParticipants: 5,
      hours: 3, // 210 minutes
      collegesReached: 1,
      collegePupils: 52,
      parentsReached: 3,
      passPrescribed: 2, // the followed person lives in Agen
      passUsed: 1,
    });
    // Objectives are the département's: not shown for a part of it.
    expect(v.objectivesYear).toBeNull();
    expect(v.figures.every((f) => f.objective === null)).toBe(true);
  });

  it("restricts to a commune (Duras), counting a home visit by the commune typed on the record", async () => {
    const api = await coordinator();
    const v = await api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31", scope: "commune", scopeId: "47086" });
    expect(figures(v)).toEqual({
      peopleHelped: 9,
      individualAccompaniments: 1,
      collectiveWorkshops: 1,
      workshopParticipants: 8,
      hours: 3,
      collegesReached: 1,
      collegePupils: 37,
      parentsReached: 2,
      passPrescribed: 0,
      passUsed: 0,
    });
  });

  it("restricts to a counsellor", async () => {
    const api = await coordinator();
    const v = await api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31", scope: "counsellor", scopeId: data.c2 });
    expect(v.scopeLabel).toBe("Bruno Petit");
    expect(figures(v)).toEqual({
      peopleHelped: 10,
      individualAccompaniments: 2,
      collectiveWorkshops: 1,
      workshopParticipants: 8,
      hours: 3, // 225 minutes
      collegesReached: 1,
      collegePupils: 37,
      parentsReached: 2,
      passPrescribed: 1,
      passUsed: 1,
    });
  });

  it("counts a quarter against the same quarter a year before", async () => {
    const api = await coordinator();
    const v = await api.stats.dashboard({ from: "2026-01-01", to: "2026-03-31" });
    expect(figures(v)).toMatchObject({ peopleHelped: 11, individualAccompaniments: 4, collectiveWorkshops: 1, hours: 5, collegePupils: 70, parentsReached: 3, passUsed: 2 });
    expect(previous(v)).toMatchObject({ peopleHelped: 1, individualAccompaniments: 1, collectiveWorkshops: 0, hours: 0, collegePupils: 0 });
    expect(v.byMonth.map((m) => m.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(v.objectivesYear).toBe(2026);
  });

  it("refuses bad filters with French messages on the fields", async () => {
    const api = await coordinator();
    const e1 = await errorOf(() => api.stats.dashboard({ from: "2026-12-31", to: "2026-01-01" }));
    expect(e1.code).toBe("BAD_REQUEST");
    const e2 = await errorOf(() => api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31", scope: "epci" }));
    expect(e2.code).toBe("BAD_REQUEST");
    const e3 = await errorOf(() => api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31", scope: "commune", scopeId: "99999" }));
    expect(e3.message).toBe("Cette commune est inconnue.");
  });
});

describe("objectives", () => {
  it("are set by staff, removed when emptied, and audited", async () => {
    const api = await coordinator();
    await api.stats.setObjectives({ year: 2027, objectives: [{ metric: "parentsReached", value: 300 }, { metric: "hours", value: 2000 }] });
    await api.stats.setObjectives({ year: 2027, objectives: [{ metric: "hours", value: null }] });
    expect(await api.stats.objectives({ year: 2027 })).toEqual([{ metric: "parentsReached", value: 300 }]);
    const v = await api.stats.dashboard({ from: "2027-01-01", to: "2027-12-31" });
    expect(v.figures.find((f) => f.metric === "parentsReached")?.objective).toBe(300);
    const log = await h.db.prisma.auditLog.findMany({ where: { action: "stats.objectives_set" } });
    expect(log).toHaveLength(2);
    expect(log[0]!.actorUserId).toBe(data.coordinator.user.id);
  });
});

describe("authorisation", () => {
  it("a counsellor cannot read the département's dashboard, territory, team or audit log", async () => {
    const c = h.client("203.0.113.50");
    await c.login("alice@test.fr");
    const api = await c.api();
    for (const call of [
      () => api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31" }),
      () => api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31", scope: "counsellor", scopeId: data.c2 }),
      () => api.territory.overview({ from: "2026-01-01", to: "2026-12-31" }),
      () => api.team.list(),
      () => api.audit.list({}),
      () => api.places.standardExport(),
      () => api.stats.setObjectives({ year: 2026, objectives: [{ metric: "hours", value: 1 }] }),
    ]) {
      const e = await errorOf(call);
      expect(e.code).toBe("FORBIDDEN");
    }
  });

  it("someone not logged in is asked to log in", async () => {
    const api = await h.client("203.0.113.51").api();
    const e = await errorOf(() => api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31" }));
    expect(e.code).toBe("UNAUTHORIZED");
  });
});
