import {
  administrativeThemes,
  ageBrackets,
  autonomyLevels,
  equipment,
  formatDuration,
  genders,
  locationTypes,
  mediationThemes,
  redirectionStructures,
  socialStatuses,
  workshopLevels,
  type ActivityRecordView,
} from "@medianum/domain";

type List = { has(v: string): boolean; label(v: never): string };
const lists: Record<string, List> = {
  locationType: locationTypes,
  themes: mediationThemes,
  administrativeThemes,
  equipment,
  autonomy: autonomyLevels,
  redirectionStructure: redirectionStructures,
  gender: genders,
  ageBracket: ageBrackets,
  socialStatus: socialStatuses,
  workshopLevel: workshopLevels,
};

/** A field of a record in words, for the conflict comparison. */
export function describeField(field: string, r: ActivityRecordView): string {
  const v = r[field as keyof ActivityRecordView];
  if (v == null || (Array.isArray(v) && v.length === 0)) return "—";
  if (field === "durationMinutes") return formatDuration(v as number);
  if (field === "placeId") return r.placeName ?? "—";
  const list = lists[field];
  const label = (x: string) => (list && list.has(x) ? list.label(x as never) : x);
  if (Array.isArray(v)) return v.map((x) => label(String(x))).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return label(String(v));
}
