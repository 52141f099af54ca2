import { z } from "zod";
import { isoDateSchema, optionalText, uuidSchema, inseeCodeSchema, requiredText } from "../shared/schemas.js";
import {
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
} from "./coop-lists.js";
import { DURATION_MAX_MINUTES } from "./duration.js";

export const durationSchema = z
  .number({ error: "Indiquez la durée en minutes." })
  .int({ error: "La durée se compte en minutes entières." })
  .min(5, { error: "La durée doit être d'au moins 5 minutes." })
  .max(DURATION_MAX_MINUTES, { error: "La durée ne peut pas dépasser 12 heures." });

/** Fields common to individual and collective records (the Coop's "CRA"). */
const recordBase = z.object({
  /** Generated on the device, so that a record typed offline keeps its identity when synced. */
  id: uuidSchema,
  date: isoDateSchema,
  durationMinutes: durationSchema,
  locationType: locationTypes.schema,
  placeId: uuidSchema.nullish(),
  /** Commune where it happened when not at a place of ours (home, elsewhere). */
  communeInsee: inseeCodeSchema.nullish(),
  themes: z.array(mediationThemes.schema).min(1, { error: "Choisissez au moins une thématique." }).max(19),
  administrativeThemes: z.array(administrativeThemes.schema).max(11).default([]),
  administrativeDetail: optionalText("Précisions sur la démarche", 500),
  equipment: z.array(equipment.schema).max(5).default([]),
  notes: optionalText("Notes", 2000, { multiline: true }),
});

function placeRequired<T extends { locationType: string; placeId?: string | null | undefined }>(r: T) {
  return r.locationType !== "LieuActivite" || !!r.placeId;
}
const placeMessage = { error: "Choisissez le lieu d'activité.", path: ["placeId"] };

function adminThemesConsistent<T extends { themes: string[]; administrativeThemes: string[] }>(r: T) {
  return r.administrativeThemes.length === 0 || r.themes.includes("AideAuxDemarchesAdministratives");
}
const adminMessage = {
  error: "Les thématiques de démarches vont avec la thématique « Aide aux démarches administratives ».",
  path: ["administrativeThemes"],
};

export const individualRecordInput = recordBase
  .extend({
    autonomy: autonomyLevels.schema.nullish(),
    redirectionStructure: redirectionStructures.schema.nullish(),
    // Anonymous by default: only these three coarse fields, each "not communicated" when unknown.
    gender: genders.schema.default("NonCommunique"),
    ageBracket: ageBrackets.schema.default("NonCommunique"),
    socialStatus: socialStatuses.schema.default("NonCommunique"),
    /** Optional followed beneficiary (with the person's consent), otherwise anonymous. */
    beneficiaryId: uuidSchema.nullish(),
  })
  .refine(placeRequired, placeMessage)
  .refine(adminThemesConsistent, adminMessage);
export type IndividualRecordInput = z.input<typeof individualRecordInput>;
export type IndividualRecord = z.output<typeof individualRecordInput>;

const count = z.number().int().min(0).max(10_000);

/** Anonymous breakdown of a collective workshop's participants, as in the Coop. */
export const participantBreakdownSchema = z.object({
  gender: z.partialRecord(genders.schema, count).default({}),
  ageBracket: z.partialRecord(ageBrackets.schema, count).default({}),
  socialStatus: z.partialRecord(socialStatuses.schema, count).default({}),
});
export type ParticipantBreakdown = z.output<typeof participantBreakdownSchema>;

export function breakdownTotals(b: ParticipantBreakdown) {
  const sum = (r: Partial<Record<string, number>>) => Object.values(r).reduce<number>((a, n) => a + (n ?? 0), 0);
  return { gender: sum(b.gender), ageBracket: sum(b.ageBracket), socialStatus: sum(b.socialStatus) };
}

export const collectiveRecordInput = recordBase
  .extend({
    workshopTitle: requiredText("Titre de l'atelier", 200),
    workshopLevel: workshopLevels.schema.nullish(),
    participantsCount: z.number().int().min(1, { error: "Indiquez au moins un participant." }).max(10_000),
    breakdown: participantBreakdownSchema.default({ gender: {}, ageBracket: {}, socialStatus: {} }),
    workshopSessionId: uuidSchema.nullish(),
    collegeSessionId: uuidSchema.nullish(),
  })
  .refine(placeRequired, placeMessage)
  .refine(adminThemesConsistent, adminMessage)
  .refine(
    (r) => {
      const t = breakdownTotals(r.breakdown);
      return t.gender <= r.participantsCount && t.ageBracket <= r.participantsCount && t.socialStatus <= r.participantsCount;
    },
    { error: "La répartition compte plus de personnes que de participants.", path: ["breakdown"] },
  );
export type CollectiveRecordInput = z.input<typeof collectiveRecordInput>;
export type CollectiveRecord = z.output<typeof collectiveRecordInput>;
