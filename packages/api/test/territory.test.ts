import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, errorOf, type Harness } from "./harness.js";
import { seedSteeringDataset } from "./stats-fixtures.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedSteeringDataset(h.db);
});
afterAll(() => h.close());

async function staff() {
  const c = h.client();
  await c.login("coordination@test.fr");
  return c.api();
}

describe("territory overview", () => {
  it("puts fragility beside the offer per commune and EPCI, fragile places with little offer first", async () => {
    const api = await staff();
    const v = await api.territory.overview({ from: "2026-01-01", to: "2026-12-31" });
    // 5 individual accompaniments for 33,400 inhabitants.
    expect(v.departementPer1000).toBe(0.1);
    expect(v.communes).toEqual([
      // Duras: index 19 ≥ 15 and 1 accompaniment per 1,400 (0.7‰) is more than the département's rate: not a priority.
      { inseeCode: "47086", name: "Duras", epciName: "CC du Pays de Duras", population: 1400, fragilityIndex: 19, accompaniments: 1, per1000: 0.7, places: 1, sessions: 1, priority: false },
      { inseeCode: "47001", name: "Agen", epciName: "Agglomération d'Agen", population: 32000, fragilityIndex: 13, accompaniments: 4, per1000: 0.1, places: 1, sessions: 1, priority: false },
    ]);
    expect(v.epcis.map((e) => [e.name, e.fragilityGroup, e.fragilityIndex, e.accompaniments])).toEqual([
      ["CC du Pays de Duras", "highly_fragile", 19, 1],
      ["Agglomération d'Agen", "less_exposed", 13, 4],
    ]);
    expect(v.groups.find((g) => g.group === "highly_fragile")).toEqual({ group: "highly_fragile", epcis: 1, population: 1400, accompaniments: 1, per1000: 0.7, places: 1, sessions: 1 });
    expect(v.groups.find((g) => g.group === "mixed")).toMatchObject({ epcis: 0, population: 0 });
  });

  it("flags a fragile commune without offer as a priority and lists it first", async () => {
    const { prisma } = h.db;
    await prisma.commune.create({
      data: { inseeCode: "47082", name: "Dolmayrac", postalCodes: ["47110"], population: 700, departementCode: "47", epciCode: "200068930", fragilityIndex: 17.5 },
    });
    const api = await staff();
    const v = await api.territory.overview({ from: "2026-01-01", to: "2026-12-31" });
    expect(v.communes[0]).toMatchObject({ name: "Dolmayrac", priority: true, accompaniments: 0, per1000: 0, places: 0 });
    // The EPCI's index is weighted by population: (19 × 1400 + 17.5 × 700) / 2100 = 18.5.
    expect(v.epcis.find((e) => e.code === "200068930")?.fragilityIndex).toBe(18.5);
  });
});

describe("territory groups", () => {
  it("add up to the whole, with a line for the communes outside the groups and activity without a commune", async () => {
    const { prisma } = h.db;
    const api = await staff();
    const before = await api.territory.overview({ from: "2026-01-01", to: "2026-12-31" });
    // The dataset's communes all lie in a grouped EPCI: nothing is left over yet.
    expect(before.others).toMatchObject({ epcis: 0, population: 0, accompaniments: 0, sessions: 0 });

    await prisma.epci.create({ data: { code: "200000001", name: "CC sans groupe", departementCode: "47", fragilityGroup: null } });
    await prisma.commune.create({
      data: { inseeCode: "47300", name: "Hors-Groupe", postalCodes: ["47300"], population: 2000, departementCode: "47", epciCode: "200000001", fragilityIndex: 10 },
    });
    const counsellorId = (await prisma.counsellor.findFirstOrThrow()).id;
    const record = (type: string, communeInsee: string | null) =>
      prisma.activityRecord.create({
        data: { id: randomUUID(), counsellorId, type, date: new Date("2026-05-04T00:00:00Z"), durationMinutes: 30, locationType: "Domicile", communeInsee, themes: ["Email"], workshopTitle: type === "Collectif" ? "Atelier" : null },
      });
    await record("Individuel", "47300");
    await record("Individuel", null);
    await record("Collectif", null);

    const v = await api.territory.overview({ from: "2026-01-01", to: "2026-12-31" });
    expect(v.total).toMatchObject({ accompaniments: before.total.accompaniments + 2, sessions: before.total.sessions + 1, population: before.total.population + 2000 });
    expect(v.others).toMatchObject({ epcis: 1, population: 2000, accompaniments: 2, sessions: 1, places: 0 });
    for (const k of ["epcis", "population", "accompaniments", "places", "sessions"] as const) {
      expect(v.groups.reduce((s, g) => s + g[k], 0) + v.others[k]).toBe(v.total[k]);
    }
  });
});

describe("fragility import from CSV", () => {
  const csv = [
    "code_insee;nom;indice",
    "47001;Agen;14,2",
    "47086;Duras;31",
    "4700;Trop court;12",
    "47999;Inconnue;10",
    "47001;Agen encore;15",
    "",
  ].join("\n");

  it("reports rejected rows with their line and reason, and saves nothing on a dry run", async () => {
    const api = await staff();
    const res = await api.territory.importFragility({ csv, dryRun: true });
    expect(res.updated).toBe(1);
    expect(res.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "Indice « 31 » hors de l'échelle 0 à 25."],
      [4, "Code INSEE « 4700 » invalide (5 caractères attendus)."],
      [5, "Commune 47999 inconnue dans ce département."],
      [6, "Commune 47001 déjà présente à la ligne 2."],
    ]);
    expect((await h.db.prisma.commune.findUnique({ where: { inseeCode: "47001" } }))?.fragilityIndex).toBe(13);
  });

  it("saves the valid rows and audits the import", async () => {
    const api = await staff();
    const res = await api.territory.importFragility({ csv, dryRun: false });
    expect(res.updated).toBe(1);
    expect((await h.db.prisma.commune.findUnique({ where: { inseeCode: "47001" } }))?.fragilityIndex).toBe(14.2);
    expect((await h.db.prisma.commune.findUnique({ where: { inseeCode: "47086" } }))?.fragilityIndex).toBe(19);
    expect(await h.db.prisma.auditLog.count({ where: { action: "territory.fragility_imported" } })).toBe(1);
  });

  it("says what is wrong with a file without the expected columns", async () => {
    const api = await staff();
    const res = await api.territory.importFragility({ csv: "commune,valeur\n47001,12", dryRun: false });
    expect(res.fileError).toMatch(/code_insee/);
    expect(res.updated).toBe(0);
  });

  it("is not open to counsellors", async () => {
    const c = h.client("198.51.100.7");
    await c.login("alice@test.fr");
    const e = await errorOf(async () => (await c.api()).territory.importFragility({ csv, dryRun: false }));
    expect(e.code).toBe("FORBIDDEN");
  });
});
