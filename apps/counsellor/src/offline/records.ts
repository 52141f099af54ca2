import { collectiveViewOf, formatDay, individualViewOf, recordReferencesRefusal, type ActivityRecordView, type CollectiveRecord, type IndividualRecord, type Refusal } from "@medianum/domain";
import { getMeta, type DeviceDb, type LocalRecord } from "./db.js";
import { enqueue } from "./outbox.js";

type Individual = IndividualRecord;
type Collective = CollectiveRecord;

export interface RecordDefaults {
  usualPlaceId: string | null;
  lastDurationMinutes: number | null;
  recentThemes: string[];
}

/** Defaults computed on the device, so a record typed offline already counts: my usual place, my last duration, my frequent themes. */
export async function localDefaults(db: DeviceDb, type: "Individuel" | "Collectif" = "Individuel"): Promise<RecordDefaults> {
  const recent = (await db.records.toArray())
    .filter((r) => r.type === type)
    .sort((a, b) => b.date.localeCompare(a.date) || b.localUpdatedAt - a.localUpdatedAt)
    .slice(0, 20);
  const counts = new Map<string, number>();
  for (const r of recent) for (const t of r.themes) counts.set(t, (counts.get(t) ?? 0) + 1);
  return {
    usualPlaceId: (await getMeta<string | null>(db, "usualPlaceId")) ?? null,
    lastDurationMinutes: recent[0]?.durationMinutes ?? null,
    recentThemes: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
  };
}

/** What the device keeps of an earlier version of this record, and the place's name to show. */
async function localExtras(db: DeviceDb, input: Individual | Collective) {
  const previous = await db.records.get(input.id);
  const extras = { version: previous?.version ?? 1, placeName: await placeName(db, input.placeId), updatedAt: previous?.updatedAt ?? null };
  return { previous, extras };
}

/** The device's copy of what was just typed: pending until the server confirms it. */
const pending = (view: ActivityRecordView): LocalRecord => ({ ...view, syncState: "pending", localUpdatedAt: Date.now() });

async function placeName(db: DeviceDb, id: string | null | undefined) {
  return id ? ((await db.places.get(id))?.name ?? null) : null;
}

/**
 * The rule the server applies to what a record points to, on what the device knows: the places
 * (all of them, once downloaded). Communes and followed people are not kept here: the server decides.
 */
async function referencesRefusal(db: DeviceDb, input: Individual | Collective): Promise<Refusal | null> {
  if (!input.placeId || (await db.places.count()) === 0) return null;
  const known = !!(await db.places.get(input.placeId));
  return recordReferencesRefusal(input, { place: () => known });
}

/**
 * Saves an individual accompaniment on the device and queues it (creation, or edit of the version
 * I had). A refusal (a place gone…) saves nothing and says why.
 */
export async function saveIndividual(db: DeviceDb, input: Individual, mode: "create" | "update"): Promise<Refusal | null> {
  const refused = await referencesRefusal(db, input);
  if (refused) return refused;
  const { previous, extras } = await localExtras(db, input);
  const record = pending(individualViewOf(input, extras));
  const summary = `Accompagnement du ${formatDay(input.date)}`;
  if (mode === "create") await enqueue(db, { kind: "activity.individual.create", payload: input, entityId: input.id, summary, record });
  else await enqueue(db, { kind: "activity.individual.update", payload: { record: input, baseVersion: previous?.version ?? 1 }, entityId: input.id, summary: `Modification : ${summary.toLowerCase()}`, record });
  return null;
}

/** Saves a collective workshop record on the device and queues it; a refusal saves nothing. */
export async function saveCollective(db: DeviceDb, input: Collective, mode: "create" | "update"): Promise<Refusal | null> {
  const refused = await referencesRefusal(db, input);
  if (refused) return refused;
  const { previous, extras } = await localExtras(db, input);
  const record = pending(collectiveViewOf(input, extras));
  const summary = `Atelier « ${input.workshopTitle} » du ${formatDay(input.date)}`;
  if (mode === "create") await enqueue(db, { kind: "activity.collective.create", payload: input, entityId: input.id, summary, record });
  else await enqueue(db, { kind: "activity.collective.update", payload: { record: input, baseVersion: previous?.version ?? 1 }, entityId: input.id, summary: `Modification : ${summary}`, record });
  return null;
}
