import { describe, expect, it } from "vitest";
import {
  collectiveRecordInput,
  individualRecordInput,
  type CollectiveRecordInput,
  type IndividualRecordInput,
} from "./record.js";
import { administrativeThemes, ageBrackets, mediationThemes } from "./coop-lists.js";

const RECORD_ID = "3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b";
const PLACE_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

function individual(overrides: Partial<IndividualRecordInput> = {}): IndividualRecordInput {
  return {
    id: RECORD_ID,
    date: "2026-03-10",
    durationMinutes: 45,
    locationType: "LieuActivite",
    placeId: PLACE_ID,
    themes: ["Email"],
    ...overrides,
  };
}

function collective(overrides: Partial<CollectiveRecordInput> = {}): CollectiveRecordInput {
  return {
    id: RECORD_ID,
    date: "2026-03-10",
    durationMinutes: 120,
    locationType: "LieuActivite",
    placeId: PLACE_ID,
    themes: ["PrendreEnMainDuMateriel"],
    workshopTitle: "Prendre en main sa tablette",
    participantsCount: 8,
    ...overrides,
  };
}

function issuesOf(schema: typeof individualRecordInput | typeof collectiveRecordInput, input: unknown) {
  const res = schema.safeParse(input);
  expect(res.success).toBe(false);
  return res.error?.issues ?? [];
}

describe("individualRecordInput", () => {
  it("records an anonymous accompaniment by default", () => {
    const r = individualRecordInput.parse(individual());
    expect(r.gender).toBe("NonCommunique");
    expect(r.ageBracket).toBe("NonCommunique");
    expect(r.socialStatus).toBe("NonCommunique");
    expect(r.administrativeThemes).toEqual([]);
    expect(r.equipment).toEqual([]);
    expect(r.beneficiaryId).toBeUndefined();
  });

  it("keeps a profile when one is given", () => {
    const r = individualRecordInput.parse(individual({ gender: "Feminin", ageBracket: "SoixanteDixPlus", socialStatus: "Retraite" }));
    expect(r).toMatchObject({ gender: "Feminin", ageBracket: "SoixanteDixPlus", socialStatus: "Retraite" });
  });

  it("requires the place for an accompaniment at a place of activity", () => {
    for (const placeId of [undefined, null]) {
      const found = issuesOf(individualRecordInput, individual({ placeId }));
      expect(found).toEqual([expect.objectContaining({ path: ["placeId"], message: "Choisissez le lieu d'activité." })]);
    }
  });

  it("does not require a place at home, remotely or elsewhere", () => {
    for (const locationType of ["Domicile", "ADistance", "Autre"] as const) {
      const res = individualRecordInput.safeParse(individual({ locationType, placeId: null, communeInsee: "47157" }));
      expect(res.success).toBe(true);
    }
  });

  it("accepts administrative themes only with « Aide aux démarches administratives »", () => {
    const found = issuesOf(individualRecordInput, individual({ themes: ["Email"], administrativeThemes: ["Logement"] }));
    expect(found).toEqual([
      expect.objectContaining({
        path: ["administrativeThemes"],
        message: "Les thématiques de démarches vont avec la thématique « Aide aux démarches administratives ».",
      }),
    ]);
    const ok = individualRecordInput.parse(
      individual({ themes: ["Email", "AideAuxDemarchesAdministratives"], administrativeThemes: ["Logement", "ArgentImpots"] }),
    );
    expect(ok.administrativeThemes).toEqual(["Logement", "ArgentImpots"]);
  });

  it("accepts the admin-help theme without any administrative detail", () => {
    expect(individualRecordInput.safeParse(individual({ themes: ["AideAuxDemarchesAdministratives"] })).success).toBe(true);
  });

  it("bounds the duration between 5 minutes and 12 hours, in whole minutes", () => {
    expect(individualRecordInput.safeParse(individual({ durationMinutes: 5 })).success).toBe(true);
    expect(individualRecordInput.safeParse(individual({ durationMinutes: 720 })).success).toBe(true);
    expect(issuesOf(individualRecordInput, individual({ durationMinutes: 4 }))[0]).toMatchObject({
      path: ["durationMinutes"],
      message: "La durée doit être d'au moins 5 minutes.",
    });
    expect(issuesOf(individualRecordInput, individual({ durationMinutes: 721 }))[0]).toMatchObject({
      path: ["durationMinutes"],
      message: "La durée ne peut pas dépasser 12 heures.",
    });
    expect(issuesOf(individualRecordInput, individual({ durationMinutes: 45.5 }))[0]?.message).toBe(
      "La durée se compte en minutes entières.",
    );
  });

  it("requires at least one theme from the Coop list", () => {
    expect(issuesOf(individualRecordInput, individual({ themes: [] }))[0]?.message).toBe("Choisissez au moins une thématique.");
    expect(issuesOf(individualRecordInput, individual({ themes: ["Cuisine" as "Email"] }))[0]?.path).toEqual(["themes", 0]);
  });

  it("refuses a date that is not YYYY-MM-DD", () => {
    expect(issuesOf(individualRecordInput, individual({ date: "10/03/2026" }))[0]).toMatchObject({
      path: ["date"],
      message: "Date invalide (format attendu : AAAA-MM-JJ).",
    });
  });
});

describe("collectiveRecordInput", () => {
  it("accepts a workshop with a breakdown that adds up", () => {
    const r = collectiveRecordInput.parse(
      collective({ breakdown: { gender: { Feminin: 5, Masculin: 3 }, ageBracket: { SoixanteDixPlus: 8 }, socialStatus: {} } }),
    );
    expect(r.breakdown.gender).toEqual({ Feminin: 5, Masculin: 3 });
  });

  it("accepts a partial breakdown and defaults to an empty one", () => {
    expect(collectiveRecordInput.safeParse(collective({ breakdown: { gender: { Feminin: 2 } } })).success).toBe(true);
    expect(collectiveRecordInput.parse(collective()).breakdown).toEqual({ gender: {}, ageBracket: {}, socialStatus: {} });
  });

  it("refuses a breakdown counting more people than participants", () => {
    for (const breakdown of [
      { gender: { Feminin: 5, Masculin: 4 } },
      { ageBracket: { SoixanteDixPlus: 6, SoixanteSoixanteNeuf: 3 } },
      { socialStatus: { Retraite: 9 } },
    ]) {
      const found = issuesOf(collectiveRecordInput, collective({ breakdown }));
      expect(found).toEqual([
        expect.objectContaining({ path: ["breakdown"], message: "La répartition compte plus de personnes que de participants." }),
      ]);
    }
  });

  it("requires at least one participant and a title", () => {
    expect(issuesOf(collectiveRecordInput, collective({ participantsCount: 0 }))[0]?.message).toBe(
      "Indiquez au moins un participant.",
    );
    expect(issuesOf(collectiveRecordInput, collective({ workshopTitle: " " }))[0]?.message).toBe(
      "Titre de l'atelier : ce champ est obligatoire.",
    );
  });

  it("applies the same place and administrative-theme rules as individual records", () => {
    expect(issuesOf(collectiveRecordInput, collective({ placeId: null }))[0]?.path).toEqual(["placeId"]);
    expect(issuesOf(collectiveRecordInput, collective({ administrativeThemes: ["Justice"] }))[0]?.path).toEqual([
      "administrativeThemes",
    ]);
  });
});

describe("Coop value lists", () => {
  it("match the lists published by La Coop de la médiation numérique", () => {
    expect(mediationThemes.values).toHaveLength(19);
    expect(administrativeThemes.values).toHaveLength(11);
    expect(ageBrackets.values).toHaveLength(8);
    expect(mediationThemes.label("AideAuxDemarchesAdministratives")).toBe("Aide aux démarches administratives");
  });
});
