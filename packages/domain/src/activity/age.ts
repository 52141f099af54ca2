import type { AgeBracket } from "./coop-lists.js";

/**
 * Age bracket from a birth year, as of a reference date. Only the year is known, so the age is
 * the one reached during the reference year (the person may not have had their birthday yet):
 * the Coop and most counsellors' forms ask for the year only and count this way.
 */
export function ageBracketFromBirthYear(birthYear: number | null | undefined, reference: Date = new Date()): AgeBracket {
  if (birthYear == null || !Number.isInteger(birthYear)) return "NonCommunique";
  const age = reference.getUTCFullYear() - birthYear;
  if (age < 0 || age > 130) return "NonCommunique";
  if (age < 12) return "MoinsDeDouze";
  if (age < 18) return "DouzeDixHuit";
  if (age < 25) return "DixHuitVingtQuatre";
  if (age < 40) return "VingtCinqTrenteNeuf";
  if (age < 60) return "QuaranteCinquanteNeuf";
  if (age < 70) return "SoixanteSoixanteNeuf";
  return "SoixanteDixPlus";
}
