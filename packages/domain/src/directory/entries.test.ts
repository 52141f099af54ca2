import { describe, expect, it } from "vitest";
import { directoryMapLinks, isOpenAt, normalizeForSearch, searchDirectory, type DirectoryEntry } from "./entries.js";

function entry(overrides: Partial<DirectoryEntry>): DirectoryEntry {
  return {
    id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    source: "place",
    name: "Lieu",
    kindLabel: "Médiathèque",
    services: [],
    description: null,
    address: "1 rue",
    postalCode: "47000",
    communeInsee: "47001",
    communeName: "Agen",
    phone: null,
    email: null,
    website: null,
    openingHours: [],
    accessInfo: null,
    latitude: null,
    longitude: null,
    ...overrides,
  };
}

const entries = [
  entry({ name: "France services de Sainte-Livrade", kindLabel: "France services", communeName: "Sainte-Livrade-sur-Lot", postalCode: "47110", services: ["admin_help", "aidants_connect"] }),
  entry({ name: "Médiathèque Lacépède", communeName: "Agen", services: ["accompaniment", "free_access"] }),
  entry({ name: "CCAS", kindLabel: "Services sociaux (CCAS, CMS…)", communeName: "Agen", services: ["social_support", "admin_help"] }),
  entry({ name: "Le Lien numérique", source: "partner", kindLabel: "Association", communeName: "Aiguillon", postalCode: "47190", services: ["pass_numerique"] }),
];

describe("searchDirectory", () => {
  it("finds by commune without accents, case or hyphens, and by postcode", () => {
    expect(searchDirectory(entries, { commune: "ste livrade" }).map((e) => e.name)).toEqual(["France services de Sainte-Livrade"]);
    expect(searchDirectory(entries, { commune: "AGEN" }).map((e) => e.name)).toEqual(["CCAS", "Médiathèque Lacépède"]);
    expect(searchDirectory(entries, { commune: "471" }).map((e) => e.name)).toEqual(["Le Lien numérique", "France services de Sainte-Livrade"]);
  });

  it("combines commune, service and words", () => {
    expect(searchDirectory(entries, { commune: "agen", service: "admin_help" }).map((e) => e.name)).toEqual(["CCAS"]);
    expect(searchDirectory(entries, { service: "aidants_connect" })).toHaveLength(1);
    expect(searchDirectory(entries, { text: "mediatheque" }).map((e) => e.name)).toEqual(["Médiathèque Lacépède"]);
    expect(searchDirectory(entries, { text: "association aiguillon" })).toHaveLength(1);
    expect(searchDirectory(entries, { commune: "Nérac" })).toEqual([]);
  });

  it("lists everything, by commune then name, without criteria", () => {
    expect(searchDirectory(entries, {}).map((e) => e.communeName)).toEqual(["Agen", "Agen", "Aiguillon", "Sainte-Livrade-sur-Lot"]);
  });
});

describe("helpers", () => {
  it("normalizes French names", () => {
    expect(normalizeForSearch("Sainte-Livrade-sur-Lot")).toBe("sainte livrade sur lot");
    expect(normalizeForSearch("St-Sylvestre")).toBe("saint sylvestre");
  });
  it("tells whether a place is open", () => {
    const hours = [{ day: "mon" as const, opens: "09:00", closes: "12:00" }];
    expect(isOpenAt(hours, "mon", "11:59")).toBe(true);
    expect(isOpenAt(hours, "mon", "12:00")).toBe(false);
    expect(isOpenAt(hours, "tue", "10:00")).toBe(false);
  });
});

describe("directoryMapLinks", () => {
  it("points at the coordinates (geo: for the phone's map application, OpenStreetMap), with the name as label", () => {
    expect(directoryMapLinks(entry({ name: "Tiers-lieu L'Usine", latitude: 44.2, longitude: 0.6167 }))).toEqual({
      geo: "geo:44.200000,0.616700?q=44.200000,0.616700(Tiers-lieu%20L'Usine)",
      osm: "https://www.openstreetmap.org/?mlat=44.200000&mlon=0.616700#map=18/44.200000/0.616700",
    });
  });
  it("falls back to a search of the address without coordinates, and to nothing without an address", () => {
    expect(directoryMapLinks(entry({}))).toEqual({ geo: null, osm: "https://www.openstreetmap.org/search?query=1%20rue%2047000%20Agen" });
    expect(directoryMapLinks(entry({ address: null, postalCode: null, communeName: null }))).toEqual({ geo: null, osm: null });
  });
});
