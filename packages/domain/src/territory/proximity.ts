import { valueList, type ValueOf } from "../shared/value-list.js";
import { TERRITORIAL_PROXIMITY_ITEMS } from "./proximity-items.js";

// When the chosen commune has no known centre, no distance can be measured: the official
// administrative map still says which sessions are close (same commune, same intercommunalité,
// same arrondissement), which is better for a parent than a list by date only.

export const territorialProximities = valueList(TERRITORIAL_PROXIMITY_ITEMS);
export type TerritorialProximity = ValueOf<typeof territorialProximities>;

/** Where a commune stands on the administrative map; codes may be unknown (null). */
export interface CommuneArea {
  inseeCode: string;
  epciCode: string | null;
  arrondissementCode: string | null;
}

/** The closest administrative tie between two communes, or null when they share none. */
export function territorialProximity(origin: CommuneArea, other: CommuneArea): TerritorialProximity | null {
  if (origin.inseeCode === other.inseeCode) return "commune";
  if (origin.epciCode && origin.epciCode === other.epciCode) return "epci";
  if (origin.arrondissementCode && origin.arrondissementCode === other.arrondissementCode) return "arrondissement";
  return null;
}

const RANK: Record<TerritorialProximity, number> = { commune: 0, epci: 1, arrondissement: 2 };

/**
 * Items of the same commune first, then of the same intercommunalité, then of the same
 * arrondissement, then the rest; inside each group items keep their order (the catalogue gives
 * them by date). Without an origin, nothing moves and every proximity is null.
 */
export function closestByTerritory<T>(
  items: readonly T[],
  origin: CommuneArea | null,
  areaOf: (item: T) => CommuneArea,
): Array<{ item: T; proximity: TerritorialProximity | null }> {
  const ranked = items.map((item, index) => {
    const proximity = origin ? territorialProximity(origin, areaOf(item)) : null;
    return { item, index, proximity, rank: proximity ? RANK[proximity] : 3 };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.map(({ item, proximity }) => ({ item, proximity }));
}
