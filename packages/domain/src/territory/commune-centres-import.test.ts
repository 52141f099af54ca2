import { describe, expect, it } from "vitest";
import { parseCommuneCentresCsv } from "./commune-centres-import.js";

describe("commune centres CSV", () => {
  it("reads the « communes de France » columns, town hall first, centre when the town hall is missing", () => {
    const csv = ["code_insee;nom_standard;latitude_mairie;longitude_mairie;latitude_centre;longitude_centre", "47001;Agen;44,2036;0,6163;44,19;0,62", "47310;Tonneins;;;44,39;0,31"].join("\r\n");
    const out = parseCommuneCentresCsv(csv);
    expect(out.rejected).toEqual([]);
    expect(out.rows).toEqual([
      { line: 2, inseeCode: "47001", latitude: 44.2036, longitude: 0.6163 },
      { line: 3, inseeCode: "47310", latitude: 44.39, longitude: 0.31 },
    ]);
  });
  it("says in French why each line is refused, and counts a commune listed twice at the same place once", () => {
    const csv = [
      "code_commune_INSEE,nom_commune,latitude,longitude",
      "47001,Agen,44.2036,0.6163",
      "47001,Agen,44.2036,0.6163",
      "4700,Erreur,44.2,0.6",
      "47157,Marmande,abc,0.16",
      "47086,Duras,144.6,0.18",
      '"47323","Villeneuve-sur-Lot",,0.70',
      "47001,Agen,45,0.6",
    ].join("\n");
    const out = parseCommuneCentresCsv(csv);
    expect(out.rows.map((r) => r.inseeCode)).toEqual(["47001"]);
    expect(out.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, "Code INSEE invalide (5 caractères attendus)."],
      [5, "Latitude illisible (nombre en degrés décimaux attendu, par exemple 44.2036)."],
      [6, "Latitude hors de -90 à 90 degrés."],
      [7, "Latitude manquante."],
      [8, "Commune 47001 déjà présente à la ligne 2 avec une autre position."],
    ]);
  });
  it("refuses a file without the needed columns", () => {
    expect(parseCommuneCentresCsv("insee;nom\n47001;Agen").fileError).toContain("latitude");
    expect(parseCommuneCentresCsv("").fileError).toBe("Le fichier est vide.");
  });
});
