import { describe, expect, it } from "vitest";
import { collectiveRecordInput, individualRecordInput } from "../activity/record.js";
import { collectiveInputOf, collectiveViewOf, individualInputOf, individualViewOf } from "./records.js";

/** Absent and null mean the same here: "not given". */
const given = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
const extras = { version: 3, placeName: "Médiathèque d'Agen", updatedAt: null };

describe("a record typed on the device, read back for editing", () => {
  it("an individual accompaniment comes back in its form exactly as typed", () => {
    const typed = individualRecordInput.parse({
      id: "7d3f1a52-3c1b-4c53-9a59-0f3f3b1a2c01",
      date: "2026-11-24",
      durationMinutes: 45,
      locationType: "LieuActivite",
      placeId: "2b8c3e10-5f0a-4d7e-8f2c-6a1b9c0d4e11",
      themes: ["Sante", "Email"],
      notes: "Compte Ameli créé.",
      gender: "Feminin",
      ageBracket: "SoixanteDixPlus",
      socialStatus: "Retraite",
    });
    const view = individualViewOf(typed, extras);
    expect(view).toMatchObject({ type: "Individuel", version: 3, placeName: "Médiathèque d'Agen", participantsCount: 1, breakdown: null });
    expect(given(individualRecordInput.parse(individualInputOf(view)))).toEqual(given(typed));
  });

  it("a collective workshop keeps its title, participants and breakdown", () => {
    const typed = collectiveRecordInput.parse({
      id: "7d3f1a52-3c1b-4c53-9a59-0f3f3b1a2c02",
      date: "2026-11-20",
      durationMinutes: 120,
      locationType: "Domicile",
      themes: ["PrendreEnMainDuMateriel"],
      workshopTitle: "Prendre en main sa tablette",
      participantsCount: 6,
      breakdown: { gender: { Feminin: 4, Masculin: 2 }, ageBracket: { SoixanteDixPlus: 5 }, socialStatus: { Retraite: 5 } },
    });
    const view = collectiveViewOf(typed, extras);
    expect(view).toMatchObject({ type: "Collectif", participantsCount: 6, gender: null, workshopTitle: "Prendre en main sa tablette" });
    expect(given(collectiveRecordInput.parse(collectiveInputOf(view)))).toEqual(given(typed));
  });
});
