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
import { participantBreakdownSchema, type CollectiveRecordInput, type IndividualRecordInput } from "../activity/record.js";

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

/** The form input that would recreate a record as it is (for edit and "duplicate this record"). */
export function individualInputOf(r: ActivityRecordView): IndividualRecordInput {
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
