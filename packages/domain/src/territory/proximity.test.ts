import { describe, expect, it } from "vitest";
import { closestByTerritory, territorialProximities, territorialProximity, type CommuneArea } from "./proximity.js";

// Real codes of Lot-et-Garonne (official package): Tonneins and Marmande are both in Val de
// Garonne Agglomération and the arrondissement of Marmande, like Duras (another intercommunalité);
// Agen is in the arrondissement of Agen.
const TONNEINS: CommuneArea = { inseeCode: "47310", epciCode: "200030674", arrondissementCode: "472" };
const MARMANDE: CommuneArea = { inseeCode: "47157", epciCode: "200030674", arrondissementCode: "472" };
const DURAS: CommuneArea = { inseeCode: "47086", epciCode: "244700449", arrondissementCode: "472" };
const AGEN: CommuneArea = { inseeCode: "47001", epciCode: "200096956", arrondissementCode: "471" };

describe("administrative proximity between two communes", () => {
  it("names the closest tie they share", () => {
    expect(territorialProximity(TONNEINS, TONNEINS)).toBe("commune");
    expect(territorialProximity(TONNEINS, MARMANDE)).toBe("epci");
    expect(territorialProximity(TONNEINS, DURAS)).toBe("arrondissement");
    expect(territorialProximity(TONNEINS, AGEN)).toBeNull();
  });
  it("does not take two unknown codes for the same territory", () => {
    const unknown = (inseeCode: string): CommuneArea => ({ inseeCode, epciCode: null, arrondissementCode: null });
    expect(territorialProximity(unknown("47310"), unknown("47157"))).toBeNull();
  });
  it("words each tie for the session card", () => {
    expect(territorialProximities.label("epci")).toBe("Dans votre intercommunalité");
    expect(territorialProximities.label("arrondissement")).toBe("Dans votre arrondissement");
  });
});

describe("closest by territory", () => {
  // In date order, so that date order is not the answer.
  const sessions = [
    { id: "agen-lundi", area: AGEN },
    { id: "duras-mardi", area: DURAS },
    { id: "marmande-mercredi", area: MARMANDE },
    { id: "tonneins-jeudi", area: TONNEINS },
    { id: "marmande-vendredi", area: MARMANDE },
  ];
  it("puts the commune, then its intercommunalité, then its arrondissement, then the rest, each by date", () => {
    const out = closestByTerritory(sessions, TONNEINS, (s) => s.area);
    expect(out.map((o) => o.item.id)).toEqual(["tonneins-jeudi", "marmande-mercredi", "marmande-vendredi", "duras-mardi", "agen-lundi"]);
    expect(out.map((o) => o.proximity)).toEqual(["commune", "epci", "epci", "arrondissement", null]);
  });
  it("moves nothing without an origin", () => {
    const out = closestByTerritory(sessions, null, (s) => s.area);
    expect(out.map((o) => o.item.id)).toEqual(sessions.map((s) => s.id));
    expect(out.every((o) => o.proximity === null)).toBe(true);
  });
});
