// Distances between a commune and the places where sessions are held, the same on the server
// (which sorts the catalogue) and in the browser (which words the distance on each card).

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Mean radius of the Earth (IUGG), in km: the haversine formula below assumes a sphere. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in km (haversine). Straight line, not road distance: good enough to put
 * the nearest sessions first inside one département, and no routing service is needed.
 */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  // min(1, …) guards against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A point whose coordinates are both known, or null (places and communes may lack them). */
export function geoPoint(latitude: number | null | undefined, longitude: number | null | undefined): GeoPoint | null {
  return latitude == null || longitude == null ? null : { latitude, longitude };
}

/**
 * Items with their distance from `origin`, nearest first. Items at the same distance keep their
 * order (the catalogue gives them by date); items without a position come last, in their order.
 * Without an origin, nothing moves and every distance is null.
 */
export function nearestFirst<T>(items: readonly T[], origin: GeoPoint | null, pointOf: (item: T) => GeoPoint | null): Array<{ item: T; distanceKm: number | null }> {
  const measured = items.map((item, index) => {
    const point = origin ? pointOf(item) : null;
    return { item, index, distanceKm: origin && point ? distanceKm(origin, point) : null };
  });
  measured.sort((a, b) => {
    if (a.distanceKm === null || b.distanceKm === null) return a.distanceKm === b.distanceKm ? a.index - b.index : a.distanceKm === null ? 1 : -1;
    return a.distanceKm - b.distanceKm || a.index - b.index;
  });
  return measured.map(({ item, distanceKm }) => ({ item, distanceKm }));
}

/** "à 12 km", "à moins d'1 km": whole kilometres, a parent does not need more. */
export function distanceLabel(km: number): string {
  return km < 1 ? "à moins d'1 km" : `à ${Math.round(km)} km`;
}

/**
 * A commune's name as typed in a search box: no accents, case, hyphens or apostrophes, "St"
 * and "Ste" read as "Saint" and "Sainte" ("ste livrade" finds Sainte-Livrade-sur-Lot).
 */
export function communeSearchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint");
}
