// The administrative ties' codes and labels, without zod, so that the portal's catalogue (first page,
// size budget) can say « Dans votre intercommunalité »; `territorialProximities` is built from them.
export const TERRITORIAL_PROXIMITY_ITEMS = [
  { value: "commune", label: "Dans votre commune" },
  { value: "epci", label: "Dans votre intercommunalité" },
  { value: "arrondissement", label: "Dans votre arrondissement" },
] as const;

/** The card's words for a tie: « Dans votre arrondissement ». */
export function territorialProximityLabel(value: (typeof TERRITORIAL_PROXIMITY_ITEMS)[number]["value"]): string {
  return TERRITORIAL_PROXIMITY_ITEMS.find((i) => i.value === value)!.label;
}
