import { z } from "zod";
import {
  activityTypes,
  administrativeThemes,
  ageBrackets,
  autonomyLevels,
  equipment,
  genders,
  locationTypes,
  mediationThemes,
  redirectionStructures,
  socialStatuses,
  workshopLevels,
} from "../activity/coop-lists.js";
import { participantBreakdownSchema, type CollectiveRecord, type CollectiveRecordInput, type IndividualRecord, type IndividualRecordInput } from "../activity/record.js";

/**
 * A whole activity record as the device keeps it: enough to list it, edit it, duplicate it,
 * compute my figures offline, and show the server's version next to mine in a conflict.
 */
export const activityRecordView = z.object({
  id: z.uuid(),
  type: activityTypes.schema,
  version: z.number().int(),
  date: z.string(),
  durationMinutes: z.number().int(),
  locationType: locationTypes.schema,
  placeId: z.uuid().nullable(),
  placeName: z.string().nullable(),
  communeInsee: z.string().nullable(),
  themes: z.array(mediationThemes.schema),
  administrativeThemes: z.array(administrativeThemes.schema),
  administrativeDetail: z.string().nullable(),
  equipment: z.array(equipment.schema),
  notes: z.string().nullable(),
  autonomy: autonomyLevels.schema.nullable(),
  redirectionStructure: redirectionStructures.schema.nullable(),
  gender: genders.schema.nullable(),
  ageBracket: ageBrackets.schema.nullable(),
  socialStatus: socialStatuses.schema.nullable(),
  beneficiaryId: z.uuid().nullable(),
  workshopTitle: z.string().nullable(),
  workshopLevel: workshopLevels.schema.nullable(),
  participantsCount: z.number().int(),
  breakdown: participantBreakdownSchema.nullable(),
  workshopSessionId: z.uuid().nullable(),
  collegeSessionId: z.uuid().nullable(),
  updatedAt: z.date().nullable(),
});
export type ActivityRecordView = z.infer<typeof activityRecordView>;

/** The fields both kinds of record share, as form input. */
function commonInputOf(r: ActivityRecordView) {
  return {
    id: r.id,
    date: r.date,
    durationMinutes: r.durationMinutes,
    locationType: r.locationType,
    placeId: r.placeId,
    communeInsee: r.communeInsee,
    themes: r.themes,
    administrativeThemes: r.administrativeThemes,
    administrativeDetail: r.administrativeDetail ?? undefined,
    equipment: r.equipment,
    notes: r.notes ?? undefined,
  };
}

/** The form input that would recreate a record as it is (for edit and "duplicate this record"). */
export function individualInputOf(r: ActivityRecordView): IndividualRecordInput {
  return {
    ...commonInputOf(r),
    autonomy: r.autonomy,
    redirectionStructure: r.redirectionStructure,
    gender: r.gender ?? "NonCommunique",
    ageBracket: r.ageBracket ?? "NonCommunique",
    socialStatus: r.socialStatus ?? "NonCommunique",
    beneficiaryId: r.beneficiaryId,
  };
}

export function collectiveInputOf(r: ActivityRecordView): CollectiveRecordInput {
  return {
    ...commonInputOf(r),
    workshopTitle: r.workshopTitle ?? "",
    workshopLevel: r.workshopLevel,
    participantsCount: r.participantsCount,
    breakdown: r.breakdown ?? { gender: {}, ageBracket: {}, socialStatus: {} },
    workshopSessionId: r.workshopSessionId,
    collegeSessionId: r.collegeSessionId,
  };
}

/** Fields a person compares in a conflict, with their French names. */
export const RECORD_FIELD_LABELS: Record<string, string> = {
  date: "Date",
  durationMinutes: "Durée",
  locationType: "Lieu de l'accompagnement",
  placeId: "Lieu d'activité",
  themes: "Thématiques",
  administrativeThemes: "Démarches administratives",
  equipment: "Matériel utilisé",
  autonomy: "Autonomie",
  redirectionStructure: "Orientation",
  gender: "Genre",
  ageBracket: "Tranche d'âge",
  socialStatus: "Statut",
  notes: "Notes",
  workshopTitle: "Titre de l'atelier",
  workshopLevel: "Niveau",
  participantsCount: "Participants",
  breakdown: "Répartition des participants",
};

/** What only the server knows of a record, or the device keeps from an earlier version. */
export type RecordViewExtras = Pick<ActivityRecordView, "version" | "placeName" | "updatedAt">;

/** The record as it will read once saved, from its validated input (the inverse of `…InputOf`). */
function commonViewOf(r: IndividualRecord | CollectiveRecord, extras: RecordViewExtras) {
  return {
    ...extras,
    id: r.id,
    date: r.date,
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

export function individualViewOf(r: IndividualRecord, extras: RecordViewExtras): ActivityRecordView {
  return {
    ...commonViewOf(r, extras),
    type: "Individuel",
    autonomy: r.autonomy ?? null,
    redirectionStructure: r.redirectionStructure ?? null,
    gender: r.gender,
    ageBracket: r.ageBracket,
    socialStatus: r.socialStatus,
    beneficiaryId: r.beneficiaryId ?? null,
    workshopTitle: null,
    workshopLevel: null,
    participantsCount: 1,
    breakdown: null,
    workshopSessionId: null,
    collegeSessionId: null,
  };
}

export function collectiveViewOf(r: CollectiveRecord, extras: RecordViewExtras): ActivityRecordView {
  return {
    ...commonViewOf(r, extras),
    type: "Collectif",
    autonomy: null,
    redirectionStructure: null,
    gender: null,
    ageBracket: null,
    socialStatus: null,
    beneficiaryId: null,
    workshopTitle: r.workshopTitle,
    workshopLevel: r.workshopLevel ?? null,
    participantsCount: r.participantsCount,
    breakdown: r.breakdown,
    workshopSessionId: r.workshopSessionId ?? null,
    collegeSessionId: r.collegeSessionId ?? null,
  };
}
