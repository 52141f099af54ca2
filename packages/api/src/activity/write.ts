import { Prisma } from "@medianum/db";
import { dayToDateColumn, recordReferencesRefusal, recordSessionRefusal, type CollectiveRecord, type CollectiveRecordInput, type IndividualRecord } from "@medianum/domain";
import { UserFacingError } from "../shared/errors.js";
import { toRecordView } from "./record-view.js";

type Tx = Prisma.TransactionClient;
export type { CollectiveRecordInput };

/** The record's version changed on the server since the device's edit: show both, overwrite nothing. */
export class RecordConflict extends Error {
  constructor(readonly server: ReturnType<typeof toRecordView>) {
    super("Cet enregistrement a été modifié ailleurs depuis votre modification.");
  }
}

const rejected = (field: string, message: string) => new UserFacingError("BAD_REQUEST", message, { field });

/** Reads what the record points to, then applies the rule the device applies before queueing it. */
async function checkReferences(tx: Tx, counsellorId: string, r: { placeId?: string | null | undefined; communeInsee?: string | null | undefined; beneficiaryId?: string | null | undefined }) {
  const place = r.placeId ? await tx.place.findUnique({ where: { id: r.placeId }, select: { id: true } }) : null;
  const commune = r.communeInsee ? await tx.commune.findUnique({ where: { inseeCode: r.communeInsee }, select: { inseeCode: true } }) : null;
  const beneficiary = r.beneficiaryId ? await tx.beneficiary.findUnique({ where: { id: r.beneficiaryId }, select: { counsellorId: true } }) : null;
  const refused = recordReferencesRefusal(r, { place: () => !!place, commune: () => !!commune, beneficiary: () => beneficiary?.counsellorId === counsellorId });
  if (refused) throw rejected(refused.field!, refused.message);
}

/** A collective record may only be tied to a workshop or collège session of mine that has no record yet. */
async function checkSessions(tx: Tx, counsellorId: string, r: CollectiveRecord) {
  const mine = { counsellors: { some: { counsellorId } } };
  const select = { activity: { select: { id: true } } };
  const workshop = r.workshopSessionId ? await tx.workshopSession.findFirst({ where: { id: r.workshopSessionId, ...mine }, select }) : null;
  const college = r.collegeSessionId ? await tx.collegeSession.findFirst({ where: { id: r.collegeSessionId, ...mine }, select }) : null;
  const seen = (s: typeof workshop) => (s ? { recordId: s.activity?.id ?? null } : null);
  const refused = recordSessionRefusal(r, { workshop: () => seen(workshop), college: () => seen(college) });
  if (refused) throw rejected(refused.field!, refused.message);
}


function commonData(r: IndividualRecord | CollectiveRecord) {
  return {
    date: dayToDateColumn(r.date),
    durationMinutes: r.durationMinutes,
    locationType: r.locationType,
    placeId: r.placeId ?? null,
    communeInsee: r.communeInsee ?? null,
    themes: r.themes,
    administrativeThemes: r.administrativeThemes,
    administrativeDetail: r.administrativeDetail ?? null,
    equipment: r.equipment,
    notes: r.notes ?? null,
  };
}

function individualData(r: IndividualRecord) {
  return {
    ...commonData(r),
    autonomy: r.autonomy ?? null,
    redirectionStructure: r.redirectionStructure ?? null,
    gender: r.gender,
    ageBracket: r.ageBracket,
    socialStatus: r.socialStatus,
    beneficiaryId: r.beneficiaryId ?? null,
    participantsCount: 1,
  };
}

function collectiveData(r: CollectiveRecord) {
  return {
    ...commonData(r),
    workshopTitle: r.workshopTitle,
    workshopLevel: r.workshopLevel ?? null,
    participantsCount: r.participantsCount,
    participantBreakdown: r.breakdown,
    workshopSessionId: r.workshopSessionId ?? null,
    collegeSessionId: r.collegeSessionId ?? null,
  };
}

export type RecordKind = "Individuel" | "Collectif";
export interface SavedRecord {
  id: string;
  version: number;
  [key: string]: unknown;
}
/** `created` is false when the record was already there (the same record sent earlier, or at the same moment, by another route). */
export type CreatedRecord = SavedRecord & { created: boolean };

/** The record already stored under this id, if it is this counsellor's record of this kind. */
async function sameRecord(tx: Tx, counsellorId: string, kind: RecordKind, id: string): Promise<CreatedRecord | null> {
  const existing = await tx.activityRecord.findUnique({ where: { id }, select: { counsellorId: true, version: true, type: true } });
  if (!existing) return null;
  if (existing.counsellorId !== counsellorId || existing.type !== kind) {
    throw new UserFacingError("CONFLICT", "Cet identifiant d'enregistrement est déjà utilisé.", { field: "id" });
  }
  return { id, version: existing.version, created: false };
}

/**
 * Creates a record with the id chosen on the device. If that id already holds a record of mine
 * (the same record sent earlier by another route), it is returned as it is: nothing is created twice.
 * Sent several times at once, the inserts race on the primary key: ON CONFLICT DO NOTHING makes
 * the losers wait for the winner, then read its record, so exactly one answers `created`.
 */
export async function createRecord(tx: Tx, counsellorId: string, kind: "Individuel", input: IndividualRecord): Promise<CreatedRecord>;
export async function createRecord(tx: Tx, counsellorId: string, kind: "Collectif", input: CollectiveRecord): Promise<CreatedRecord>;
export async function createRecord(tx: Tx, counsellorId: string, kind: RecordKind, input: IndividualRecord | CollectiveRecord): Promise<CreatedRecord> {
  const earlier = await sameRecord(tx, counsellorId, kind, input.id);
  if (earlier) return earlier;
  await checkReferences(tx, counsellorId, input);
  if (kind === "Collectif") await checkSessions(tx, counsellorId, input as CollectiveRecord);
  const data = kind === "Individuel" ? individualData(input as IndividualRecord) : collectiveData(input as CollectiveRecord);
  const { count } = await tx.activityRecord.createMany({ data: [{ id: input.id, counsellorId, type: kind, ...data }], skipDuplicates: true });
  if (count === 1) return { id: input.id, version: 1, created: true };
  const concurrent = await sameRecord(tx, counsellorId, kind, input.id);
  if (!concurrent) throw new UserFacingError("CONFLICT", "Cet enregistrement vient d'être modifié ailleurs : réessayez.");
  return concurrent;
}

/** Columns of a new record, in the table's own names: the keys of `newRecordRow`. */
const NEW_RECORD_COLUMNS = [
  "id", "counsellorId", "type", "date", "durationMinutes", "locationType", "placeId", "communeInsee", "themes", "administrativeThemes",
  "administrativeDetail", "equipment", "autonomy", "redirectionStructure", "notes", "gender", "ageBracket", "socialStatus", "beneficiaryId",
  "workshopTitle", "workshopLevel", "participantsCount", "participantBreakdown", "workshopSessionId", "collegeSessionId", "version", "createdAt", "updatedAt",
] as const;
/** `"id", "counsellorId", …` for an INSERT … SELECT of `newRecordRow`s. */
export const NEW_RECORD_COLUMNS_SQL = Prisma.raw(NEW_RECORD_COLUMNS.map((c) => `"${c}"`).join(", "));

export type NewRecord = { kind: "Individuel"; input: IndividualRecord } | { kind: "Collectif"; input: CollectiveRecord };

/**
 * A new record as a row of the table (JSON-ready, for `jsonb_populate_record(NULL::"ActivityRecord", …)`),
 * for code that inserts many at once (offline sync). The same columns as `createRecord` writes;
 * checking the references stays with the caller, and a record tied to a workshop or collège
 * session must go through `createRecord`, which checks the session.
 */
export function newRecordRow(counsellorId: string, { kind, input }: NewRecord, at: Date): Record<(typeof NEW_RECORD_COLUMNS)[number], unknown> {
  if (kind === "Collectif" && (input.workshopSessionId || input.collegeSessionId)) throw new Error("newRecordRow: a session's record goes through createRecord");
  const data = kind === "Individuel" ? { workshopTitle: null, workshopLevel: null, participantBreakdown: null, workshopSessionId: null, collegeSessionId: null, ...individualData(input) } : { autonomy: null, redirectionStructure: null, gender: null, ageBracket: null, socialStatus: null, beneficiaryId: null, ...collectiveData(input) };
  return { ...data, id: input.id, counsellorId, type: kind, date: input.date, version: 1, createdAt: at, updatedAt: at };
}

/**
 * Applies an edit made from version `baseVersion`. The version check and the write are one
 * statement, so two devices editing the same record cannot both win: the later one gets a conflict.
 */
export async function updateRecord(tx: Tx, counsellorId: string, kind: RecordKind, input: IndividualRecord | CollectiveRecord, baseVersion: number): Promise<SavedRecord> {
  const current = await tx.activityRecord.findUnique({ where: { id: input.id }, include: { place: { select: { name: true } } } });
  if (!current || current.counsellorId !== counsellorId) throw rejected("id", "Cet enregistrement est introuvable parmi les vôtres.");
  if (current.type !== kind) throw rejected("id", "Cet enregistrement n'est pas de ce type.");
  await checkReferences(tx, counsellorId, input);
  if (kind === "Collectif") await checkSessions(tx, counsellorId, input as CollectiveRecord);
  const data = kind === "Individuel" ? individualData(input as IndividualRecord) : collectiveData(input as CollectiveRecord);
  const res = await tx.activityRecord.updateMany({
    where: { id: input.id, counsellorId, version: baseVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (res.count === 0) {
    const now = await tx.activityRecord.findUniqueOrThrow({ where: { id: input.id }, include: { place: { select: { name: true } } } });
    throw new RecordConflict(toRecordView(now));
  }
  return { id: input.id, version: baseVersion + 1 };
}
