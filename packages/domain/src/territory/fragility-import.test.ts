import { describe, expect, it } from "vitest";
import { parseFragilityCsv } from "./fragility-import.js";

describe("parseFragilityCsv", () => {
  it("reads ';' files with decimal commas, quotes and a BOM, Corsican codes included", () => {
    const r = parseFragilityCsv('\uFEFFcode_insee;"nom";indice\r\n47001;"Agen; ville";13,4\r\n2A004;Ajaccio;12\r\n');
    expect(r.fileError).toBeUndefined();
    expect(r.rows).toEqual([
      { line: 2, inseeCode: "47001", index: 13.4 },
      { line: 3, inseeCode: "2A004", index: 12 },
    ]);
  });

  it("reads ',' files with other header names", () => {
    expect(parseFragilityCsv("CODGEO,Score\n47086,19.5").rows).toEqual([{ line: 2, inseeCode: "47086", index: 19.5 }]);
  });

  it("reports each unusable row with its line and reason", () => {
    const r = parseFragilityCsv("insee;indice\n47001;\n4700;12\n47002;-1\n47003;abc\n47004;10\n47004;11");
    expect(r.rows).toEqual([{ line: 6, inseeCode: "47004", index: 10 }]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [2, "Indice manquant."],
      [3, "Code INSEE « 4700 » invalide (5 caractères attendus)."],
      [4, "Indice « -1 » hors de l'échelle 0 à 25."],
      [5, "Indice « abc » hors de l'échelle 0 à 25."],
      [7, "Commune 47004 déjà présente à la ligne 6."],
    ]);
  });

  it("explains a file without the expected columns, or an empty one", () => {
    expect(parseFragilityCsv("commune;valeur\n47001;12").fileError).toMatch(/code_insee/);
    expect(parseFragilityCsv("").fileError).toBe("Le fichier est vide.");
  });
});
