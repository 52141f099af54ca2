import { describe, expect, it } from "vitest";
import { describeOutboxItem } from "./describe.js";

// "Envois" listed every accompaniment as "Accompagnement du mercredi 2 décembre 2026": each item must
// now tell itself apart by what it is, who or what it was about, and when.

const queuedAt = new Date("2026-12-02T09:42:00Z").getTime(); // 10:42 in Paris
const individual = (over: Record<string, unknown> = {}) => ({
  id: "7d1c3b5e-2f4a-4b6c-8d9e-0a1b2c3d4e5f",
  date: "2026-12-02",
  durationMinutes: 90,
  locationType: "LieuActivite",
  themes: ["Sante"],
  gender: "NonCommunique",
  ageBracket: "NonCommunique",
  ...over,
});

describe("describeOutboxItem", () => {
  it("tells two accompaniments of the same day apart by their themes, person and time typed", () => {
    const a = describeOutboxItem({ kind: "activity.individual.create", payload: individual({ themes: ["Sante", "NavigationSurInternet", "Email", "Smartphone"], gender: "Feminin", ageBracket: "SoixanteSoixanteNeuf" }), summary: "Accompagnement du mercredi 2 décembre 2026", queuedAt });
    const b = describeOutboxItem({ kind: "activity.individual.create", payload: individual(), summary: "Accompagnement du mercredi 2 décembre 2026", queuedAt: queuedAt + 3_600_000 });
    expect(a.title).toBe("Accompagnement individuel : Santé, Navigation sur internet + 2 autres · Féminin, 60 à 69 ans");
    expect(a.when).toBe("mercredi 2 décembre 2026 · 1 h 30 · saisi à 10:42");
    expect(b.title).toBe("Accompagnement individuel : Santé");
    expect(b.when).toBe("mercredi 2 décembre 2026 · 1 h 30 · saisi à 11:42");
  });

  it("names an edit as such, from the record inside its payload", () => {
    const d = describeOutboxItem({ kind: "activity.individual.update", payload: { record: individual({ themes: ["Sante", "Email", "Smartphone"] }), baseVersion: 2 }, summary: "x", queuedAt });
    expect(d.title).toBe("Modification d'un accompagnement : Santé, E-mail + 1 autre");
  });

  it("gives a workshop its title and its participants, agreed in number", () => {
    const one = describeOutboxItem({ kind: "activity.collective.create", payload: { ...individual(), workshopTitle: "Premiers pas", participantsCount: 1 }, summary: "x", queuedAt });
    const many = describeOutboxItem({ kind: "activity.collective.create", payload: { ...individual(), workshopTitle: "Premiers pas", participantsCount: 8 }, summary: "x", queuedAt });
    expect(one.title).toBe("Atelier collectif : « Premiers pas » · 1 participant");
    expect(many.title).toBe("Atelier collectif : « Premiers pas » · 8 participants");
  });

  it("says on which day it was typed when that is not the day of the activity", () => {
    const d = describeOutboxItem({ kind: "activity.individual.create", payload: individual({ date: "2026-11-30" }), summary: "x", queuedAt });
    expect(d.when).toBe("lundi 30 novembre 2026 · 1 h 30 · saisi le mercredi 2 décembre 2026 à 10:42");
  });

  it("keeps the summary of the other kinds, which already names its subject, with the kind beside the time", () => {
    const d = describeOutboxItem({ kind: "attendance.checkin", payload: {}, summary: "Pointage : Odette présent(e)", queuedAt });
    expect(d).toEqual({ title: "Pointage : Odette présent(e)", when: "Pointage des présences · saisi le mercredi 2 décembre 2026 à 10:42" });
  });
});
