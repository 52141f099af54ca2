import {
  administrativeThemes,
  countOf,
  formatDateTime,
  formatDay,
  formatTime,
  syncOperationKinds,
  type CollectiveRecordInput,
  type IndividualRecordInput,
  type SyncOperationKind,
  ageBrackets,
  autonomyLevels,
  equipment,
  formatDuration,
  genders,
  locationTypes,
  mediationThemes,
  redirectionStructures,
  socialStatuses,
  parisToday,
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

/** Ceiling of themes named in an outbox title; the rest are counted ("+ 2 autres"). */
const THEMES_SHOWN = 2;

function themesInWords(themes: readonly string[] | undefined): string | null {
  if (!themes?.length) return null;
  const named = themes.slice(0, THEMES_SHOWN).map((t) => (mediationThemes.has(t) ? mediationThemes.label(t as never) : t));
  const rest = themes.length - named.length;
  return rest > 0 ? `${named.join(", ")} + ${countOf(rest, "autre")}` : named.join(", ");
}

/** The person in the few coarse words an anonymous record keeps ("Femme, 60 à 69 ans"); null when nothing was said. */
function personInWords(r: Partial<IndividualRecordInput>): string | null {
  const parts = [
    r.gender && r.gender !== "NonCommunique" && genders.has(r.gender) ? genders.label(r.gender) : null,
    r.ageBracket && r.ageBracket !== "NonCommunique" && ageBrackets.has(r.ageBracket) ? ageBrackets.label(r.ageBracket) : null,
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(", ") : null;
}

/**
 * What a queued item is, for the "Envois" list: a title that tells it from its neighbours (kind,
 * themes or workshop, person) and a line with when (the day of the activity, when it was typed).
 * Read from the payload, so items queued before this wording are described the same way.
 */
export function describeOutboxItem(item: { kind: SyncOperationKind; payload: unknown; summary: string; queuedAt: number }): { title: string; when: string } {
  const typed = new Date(item.queuedAt);
  const typedAt = (day?: string) => (day === parisToday(typed) ? `saisi à ${formatTime(typed)}` : `saisi le ${formatDateTime(typed)}`);
  const kind = syncOperationKinds.label(item.kind);
  if (item.kind.startsWith("activity.")) {
    const payload = (item.payload ?? {}) as { record?: unknown };
    const record = (item.kind.endsWith(".update") ? (payload.record ?? {}) : payload) as Partial<IndividualRecordInput & CollectiveRecordInput>;
    const about =
      item.kind.startsWith("activity.collective")
        ? [record.workshopTitle ? `« ${record.workshopTitle} »` : null, typeof record.participantsCount === "number" ? countOf(record.participantsCount, "participant") : null]
        : [themesInWords(record.themes), personInWords(record)];
    const subject = about.filter(Boolean).join(" · ");
    const when = [record.date ? formatDay(record.date) : null, typeof record.durationMinutes === "number" ? formatDuration(record.durationMinutes) : null, typedAt(record.date)].filter(Boolean).join(" · ");
    return { title: subject ? `${kind} : ${subject}` : kind, when };
  }
  // The other kinds' summaries already name their subject (a person, a collège, a number of cheques).
  return { title: item.summary, when: `${kind} · ${typedAt()}` };
}
