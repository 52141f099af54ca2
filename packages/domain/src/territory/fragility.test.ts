import { describe, expect, it } from "vitest";
import { FRAGILITY_INDEX_MAX, FRAGILITY_INDEX_MIN, FRAGILITY_REFERENCE, fragilityGroups, isValidFragilityIndex } from "./fragility.js";

describe("isValidFragilityIndex", () => {
  it("accepts the 0–25 Compas scale, bounds included", () => {
    expect(FRAGILITY_INDEX_MIN).toBe(0);
    expect(FRAGILITY_INDEX_MAX).toBe(25);
    for (const v of [0, 0.5, 11, 12.7, 15, 25]) expect(isValidFragilityIndex(v)).toBe(true);
  });

  it("refuses values outside the scale and non-numbers", () => {
    for (const v of [-0.1, -1, 25.01, 26, 100, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(isValidFragilityIndex(v)).toBe(false);
    }
  });

  it("accepts the reference figures of the Lot-et-Garonne roadmap", () => {
    expect(FRAGILITY_REFERENCE).toEqual({ departement47: 15, france: 15, nouvelleAquitaine: 11 });
    for (const v of Object.values(FRAGILITY_REFERENCE)) expect(isValidFragilityIndex(v)).toBe(true);
  });
});

describe("fragilityGroups", () => {
  it("has the roadmap's three groups in order", () => {
    expect([...fragilityGroups.values]).toEqual(["mixed", "highly_fragile", "less_exposed"]);
    expect(fragilityGroups.label("highly_fragile")).toBe("Groupe 2 — ceinture nord très fragile");
  });
});
