import { valueList, type ValueOf } from "../shared/value-list.js";

/**
 * Compas digital-fragility index, 0–25 (5 indicators: age 70+, low education, no job, social
 * minima, immigration). Lot-et-Garonne: 15; France: 15; Nouvelle-Aquitaine: 11 (seed 002).
 */
export const FRAGILITY_INDEX_MIN = 0;
export const FRAGILITY_INDEX_MAX = 25;
export const FRAGILITY_REFERENCE = { departement47: 15, france: 15, nouvelleAquitaine: 11 } as const;

/** The three groups of EPCIs of Lot-et-Garonne's roadmap (seed 002). */
export const fragilityGroups = valueList([
  { value: "mixed", label: "Groupe 1 — territoires mixtes" },
  { value: "highly_fragile", label: "Groupe 2 — ceinture nord très fragile" },
  { value: "less_exposed", label: "Groupe 3 — territoire moins exposé" },
]);
export type FragilityGroup = ValueOf<typeof fragilityGroups>;

export function isValidFragilityIndex(value: number): boolean {
  return Number.isFinite(value) && value >= FRAGILITY_INDEX_MIN && value <= FRAGILITY_INDEX_MAX;
}
