import { describe, expect, it } from "vitest";
import { activityColumns, exportFileName, type ActivityExportRow } from "./columns.js";

const row: ActivityExportRow = {
  id: "r1",
  date: "2026-03-02",
  type: "Individuel",
  counsellorName: "Alice",
  participantsCount: 1,
  locationType: "Domicile",
  placeName: null,
  communeName: "Duras",
  communeInsee: "47086",
  durationMinutes: 45,
  workshopTitle: null,
  workshopLevel: null,
  themes: ["Email", "AideAuxDemarchesAdministratives"],
  administrativeThemes: ["Logement"],
  administrativeDetail: "CAF",
  equipment: ["Telephone"],
  autonomy: "Autonome",
  redirectionStructure: "AideSociale",
  gender: "Feminin",
  ageBracket: "SoixanteDixPlus",
  socialStatus: "Retraite",
  followed: false,
};

describe("activity export columns", () => {
  it("use the Coop's French labels, never our codes", () => {
    const out = Object.fromEntries(activityColumns.map((c) => [c.header, c.value(row)]));
    expect(out).toMatchObject({
      Type: "Accompagnement individuel",
      "Canal (type de lieu)": "À domicile",
      Thématiques: "E-mail, Aide aux démarches administratives",
      "Thématiques de la démarche administrative": "Logement",
      "Matériel utilisé": "Téléphone",
      "Autonomie du bénéficiaire": "Autonome",
      Orientation: "Structure d'aide sociale",
      "Tranche d'âge": "70 ans et plus",
      "Statut du bénéficiaire": "Retraité(e)",
      "Bénéficiaire suivi": "Non",
    });
  });
  it("treat a missing list as empty and name files by kind and period", () => {
    const out = activityColumns.find((c) => c.header === "Matériel utilisé")!.value({ ...row, equipment: null as unknown as string[] });
    expect(out).toBe("");
    expect(exportFileName("activities", "2026-01-01", "2026-12-31", "csv")).toBe("medianum-activities-2026-01-01-au-2026-12-31.csv");
  });
});
