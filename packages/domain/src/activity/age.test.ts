import { describe, expect, it } from "vitest";
import { ageBracketFromBirthYear } from "./age.js";

// Fixed reference date: the tests must not depend on the day they run.
const REFERENCE = new Date("2026-06-15T10:00:00Z");

describe("ageBracketFromBirthYear", () => {
  it.each([
    [2026, "MoinsDeDouze"], // born this year
    [2015, "MoinsDeDouze"], // 11
    [2014, "DouzeDixHuit"], // 12
    [2009, "DouzeDixHuit"], // 17
    [2008, "DixHuitVingtQuatre"], // 18
    [2002, "DixHuitVingtQuatre"], // 24
    [2001, "VingtCinqTrenteNeuf"], // 25
    [1987, "VingtCinqTrenteNeuf"], // 39
    [1986, "QuaranteCinquanteNeuf"], // 40
    [1967, "QuaranteCinquanteNeuf"], // 59
    [1966, "SoixanteSoixanteNeuf"], // 60
    [1957, "SoixanteSoixanteNeuf"], // 69
    [1956, "SoixanteDixPlus"], // 70
    [1930, "SoixanteDixPlus"], // 96
    [1896, "SoixanteDixPlus"], // 130
  ] as const)("born in %i → %s in 2026", (year, bracket) => {
    expect(ageBracketFromBirthYear(year, REFERENCE)).toBe(bracket);
  });

  it("counts the age reached during the reference year, birthday passed or not", () => {
    expect(ageBracketFromBirthYear(2008, new Date("2026-01-02T10:00:00Z"))).toBe("DixHuitVingtQuatre");
    expect(ageBracketFromBirthYear(2008, new Date("2026-12-30T10:00:00Z"))).toBe("DixHuitVingtQuatre");
  });

  it("uses the year of a record's calendar date", () => {
    // A record dated 1 January 2027 (parsed from its YYYY-MM-DD date).
    expect(ageBracketFromBirthYear(1957, new Date("2027-01-01"))).toBe("SoixanteDixPlus");
    expect(ageBracketFromBirthYear(1957, new Date("2026-12-31"))).toBe("SoixanteSoixanteNeuf");
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a future year", 2027],
    ["an absurd year (131 years old)", 1895],
    ["year 0", 0],
    ["a fractional year", 1980.5],
    ["NaN", Number.NaN],
  ])("gives « NonCommunique » for %s", (_name, year) => {
    expect(ageBracketFromBirthYear(year, REFERENCE)).toBe("NonCommunique");
  });
});
