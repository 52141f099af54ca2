import { describe, expect, it } from "vitest";
import { recordReferencesRefusal, recordSessionRefusal } from "./record-rules.js";

describe("what a record points to", () => {
  const known = { place: (id: string) => id === "p1", commune: (c: string) => c === "47001", beneficiary: (id: string) => id === "b1" };

  it("accepts known references and records that point to nothing", () => {
    expect(recordReferencesRefusal({ placeId: "p1", communeInsee: "47001", beneficiaryId: "b1" }, known)).toBeNull();
    expect(recordReferencesRefusal({ placeId: null }, known)).toBeNull();
  });

  it("refuses a place gone, an unknown commune, someone else's followed person, each on its field", () => {
    expect(recordReferencesRefusal({ placeId: "p2" }, known)).toEqual({ message: "Ce lieu n'existe plus : choisissez-en un autre.", field: "placeId" });
    expect(recordReferencesRefusal({ communeInsee: "99999" }, known)).toEqual({ message: "Cette commune est inconnue.", field: "communeInsee" });
    expect(recordReferencesRefusal({ beneficiaryId: "b2" }, known)).toEqual({ message: "Cette personne suivie est introuvable dans vos bénéficiaires.", field: "beneficiaryId" });
  });

  it("leaves to the server what this side cannot tell", () => {
    expect(recordReferencesRefusal({ placeId: "p2", communeInsee: "99999" }, { commune: known.commune })?.field).toBe("communeInsee");
    expect(recordReferencesRefusal({ placeId: "p2", communeInsee: "99999", beneficiaryId: "b2" }, {})).toBeNull();
  });
});

describe("a collective record tied to a session", () => {
  const sessions = {
    workshop: (id: string) => (id === "w1" ? { recordId: null } : id === "w2" ? { recordId: "r-other" } : null),
    college: (id: string) => (id === "c1" ? { recordId: "r1" } : null),
  };

  it("is accepted for a session of mine with no record, or with this very record", () => {
    expect(recordSessionRefusal({ id: "r1", workshopSessionId: "w1" }, sessions)).toBeNull();
    expect(recordSessionRefusal({ id: "r1", collegeSessionId: "c1" }, sessions)).toBeNull();
  });

  it("is refused for someone else's session, or one that already has its record", () => {
    expect(recordSessionRefusal({ id: "r1", workshopSessionId: "w9" }, sessions)).toEqual({ message: "Cette séance d'atelier ne vous est pas confiée.", field: "workshopSessionId" });
    expect(recordSessionRefusal({ id: "r1", workshopSessionId: "w2" }, sessions)?.message).toBe("Cette séance d'atelier a déjà son compte rendu.");
    expect(recordSessionRefusal({ id: "r2", collegeSessionId: "c1" }, sessions)?.message).toBe("Cette séance en collège a déjà son compte rendu.");
    expect(recordSessionRefusal({ id: "r2", collegeSessionId: "c9" }, sessions)?.message).toBe("Cette séance en collège ne vous est pas confiée.");
  });
});
