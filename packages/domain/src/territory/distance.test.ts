import { describe, expect, it } from "vitest";
import { communeSearchKey, distanceKm, distanceLabel, geoPoint, nearestFirst } from "./distance.js";

// Town halls of Lot-et-Garonne (WGS 84), as a parent would compare them on a map.
const AGEN = { latitude: 44.2036, longitude: 0.6163 };
const VILLENEUVE = { latitude: 44.4081, longitude: 0.7047 };
const MARMANDE = { latitude: 44.4999, longitude: 0.1654 };
const NERAC = { latitude: 44.1358, longitude: 0.3392 };

describe("distance between two points (haversine)", () => {
  it("is zero from a point to itself and the same both ways", () => {
    expect(distanceKm(AGEN, AGEN)).toBe(0);
    expect(distanceKm(AGEN, MARMANDE)).toBeCloseTo(distanceKm(MARMANDE, AGEN), 9);
  });
  it("gives the straight-line kilometres between towns", () => {
    // Agen–Villeneuve-sur-Lot is about 24 km as the crow flies, Agen–Marmande about 49 km.
    expect(distanceKm(AGEN, VILLENEUVE)).toBeGreaterThan(23);
    expect(distanceKm(AGEN, VILLENEUVE)).toBeLessThan(25);
    expect(distanceKm(AGEN, MARMANDE)).toBeGreaterThan(47);
    expect(distanceKm(AGEN, MARMANDE)).toBeLessThan(50);
    // One degree of latitude is 111.2 km on the mean sphere.
    expect(distanceKm({ latitude: 44, longitude: 0 }, { latitude: 45, longitude: 0 })).toBeCloseTo(111.19, 1);
  });
  it("stays finite for opposite points of the globe", () => {
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe("nearest first", () => {
  const sessions = [
    { id: "marmande-monday", at: MARMANDE },
    { id: "unknown-place", at: null },
    { id: "nerac", at: NERAC },
    { id: "agen", at: AGEN },
    { id: "marmande-tuesday", at: MARMANDE },
  ];
  it("sorts by distance from the origin, same distance kept in date order, unknown places last", () => {
    const sorted = nearestFirst(sessions, VILLENEUVE, (s) => s.at);
    expect(sorted.map((s) => s.item.id)).toEqual(["agen", "nerac", "marmande-monday", "marmande-tuesday", "unknown-place"]);
    expect(sorted[0]!.distanceKm).toBeCloseTo(distanceKm(VILLENEUVE, AGEN), 9);
    expect(sorted.at(-1)!.distanceKm).toBeNull();
  });
  it("changes nothing without an origin", () => {
    const kept = nearestFirst(sessions, null, (s) => s.at);
    expect(kept.map((s) => s.item.id)).toEqual(sessions.map((s) => s.id));
    expect(kept.every((s) => s.distanceKm === null)).toBe(true);
  });
  it("needs both coordinates to place a point", () => {
    expect(geoPoint(44.2, null)).toBeNull();
    expect(geoPoint(0, 0)).toEqual({ latitude: 0, longitude: 0 });
  });
});

describe("wording and search", () => {
  it("says the distance in whole kilometres", () => {
    expect(distanceLabel(12.4)).toBe("à 12 km");
    expect(distanceLabel(12.5)).toBe("à 13 km");
    expect(distanceLabel(0.3)).toBe("à moins d'1 km");
  });
  it("finds a commune however its name is typed", () => {
    expect(communeSearchKey("Sainte-Livrade-sur-Lot")).toBe(communeSearchKey("ste livrade sur lot"));
    expect(communeSearchKey("Nérac")).toBe("nerac");
    expect(communeSearchKey("St-Pierre-de-Buzet")).toBe("saint pierre de buzet");
    expect(communeSearchKey("L'Isle-en-Dodon")).toBe("l isle en dodon");
  });
});
