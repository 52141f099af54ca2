import { z } from "zod";
import { cleanText } from "../shared/schemas.js";
import { fragilityGroups } from "./fragility.js";

const int = z.number().int();

export const territoryCommuneRow = z.object({
  inseeCode: z.string(),
  name: z.string(),
  epciName: z.string().nullable(),
  population: int,
  fragilityIndex: z.number().nullable(),
  accompaniments: int,
  /** Individual accompaniments per 1,000 inhabitants, one decimal. */
  per1000: z.number(),
  places: int,
  sessions: int,
  /** High fragility (at least the département's reference) and less offer than the département's rate. */
  priority: z.boolean(),
});
export const territoryEpciRow = z.object({
  code: z.string(),
  name: z.string(),
  fragilityGroup: fragilityGroups.schema.nullable(),
  population: int,
  /** Average of the communes' indices weighted by population. */
  fragilityIndex: z.number().nullable(),
  accompaniments: int,
  per1000: z.number(),
  places: int,
  sessions: int,
  priority: z.boolean(),
});
/** Figures of a set of EPCIs (a group, the rest, the whole). */
const territoryFigures = z.object({ epcis: int, population: int, accompaniments: int, per1000: z.number(), places: int, sessions: int });
export type TerritoryFigures = z.infer<typeof territoryFigures>;

export const territoryView = z.object({
  departementPer1000: z.number(),
  communes: z.array(territoryCommuneRow),
  epcis: z.array(territoryEpciRow),
  groups: z.array(territoryFigures.extend({ group: fragilityGroups.schema })),
  /**
   * What no group holds: communes of an EPCI outside the three groups, and activity whose place
   * or person has no commune of the département. With it, the groups add up to the total.
   */
  others: territoryFigures,
  total: territoryFigures,
});
export type TerritoryView = z.infer<typeof territoryView>;

export const fragilityImportInput = z.object({
  csv: cleanText("Fichier", { multiline: true }).max(2_000_000, { error: "Le fichier est trop gros (2 Mo au maximum)." }),
  /** Check only: report what would change without saving. */
  dryRun: z.boolean().default(false),
});
export const fragilityImportResult = z.object({
  updated: int,
  dryRun: z.boolean(),
  fileError: z.string().nullable(),
  rejected: z.array(z.object({ line: int, content: z.string(), reason: z.string() })),
});
