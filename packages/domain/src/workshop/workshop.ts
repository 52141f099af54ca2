import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { WORKSHOP_THEME_ITEMS } from "./theme-items.js";
import { emailSchema, hhmmSchema, isoDateSchema, optionalText, phoneSchema, requiredText, uuidSchema } from "../shared/schemas.js";

/** Themes of the e-parentalité catalogue offered to parents (items in a zod-free module for the portal's first page). */
export const workshopThemes = valueList(WORKSHOP_THEME_ITEMS);
export type WorkshopTheme = ValueOf<typeof workshopThemes>;

export const audiences = valueList([
  { value: "parents", label: "Parents" },
  { value: "parents_children", label: "Parents et enfants" },
  { value: "seniors", label: "Seniors" },
  { value: "all", label: "Tout public" },
  { value: "professionals", label: "Professionnels" },
]);
export type Audience = ValueOf<typeof audiences>;

export const sessionStatuses = valueList([
  { value: "scheduled", label: "Programmée" },
  { value: "cancelled", label: "Annulée" },
  { value: "done", label: "Réalisée" },
]);
export type SessionStatus = ValueOf<typeof sessionStatuses>;

export const MAX_SESSION_CAPACITY = 500;

export const workshopInput = z.object({
  title: requiredText("Titre", 200),
  theme: workshopThemes.schema,
  audience: audiences.schema,
  description: requiredText("Description", 4000, { multiline: true }),
  whatToBring: optionalText("À apporter", 1000, { multiline: true }),
  contactEmail: z.union([z.literal(""), emailSchema]).optional().transform((v) => v || undefined),
  contactPhone: z.union([z.literal(""), phoneSchema]).optional().transform((v) => v || undefined),
  isPublic: z.boolean().default(true),
});

/**
 * When a session starts, as staff type it: a Paris calendar day and wall-clock time. Forms never
 * build an instant (the browser's zone would leak in); the server converts with the clock.
 */
const sessionStart = { day: isoDateSchema, time: hhmmSchema };

export const sessionInput = z.object({
  workshopId: uuidSchema,
  ...sessionStart,
  durationMinutes: z
    .number({ error: "Indiquez la durée en minutes." })
    .int({ error: "Indiquez la durée en minutes entières." })
    .min(15, { error: "15 minutes au minimum." })
    .max(8 * 60, { error: "8 heures au maximum." }),
  placeId: uuidSchema,
  capacity: z
    .number({ error: "Indiquez le nombre de places." })
    .int({ error: "Un nombre entier de places." })
    .min(1, { error: "Au moins une place." })
    .max(MAX_SESSION_CAPACITY, { error: `${MAX_SESSION_CAPACITY} places au maximum.` }),
  counsellorIds: z.array(uuidSchema).max(10).default([]),
  accessInfo: optionalText("Accès", 1000, { multiline: true }),
});

export const workshopUpdateInput = workshopInput.extend({ id: uuidSchema });
export const sessionUpdateInput = sessionInput.omit({ workshopId: true }).extend({ id: uuidSchema });
export const sessionDuplicateInput = z.object({
  id: uuidSchema,
  ...sessionStart,
});
export const sessionCancelInput = z.object({
  id: uuidSchema,
  reason: requiredText("Motif de l'annulation", 500, { multiline: true }),
});
