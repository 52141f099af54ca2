import { z } from "zod";
import { sessionStatuses, workshopThemes } from "../workshop/workshop.js";

// Public feeds of the catalogue (iCalendar, JSON, CSV) and the embeddable page: what partners
// (collèges, mairies, social centres) may filter on, and what each listed session says. No
// personal data: no counsellor, no registration, only the seats left.

/** How far ahead the feeds look, and how many sessions they list at most. */
export const FEED_HORIZON_DAYS = 180;
export const FEED_MAX_SESSIONS = 500;

export const feedFormats = ["ics", "json", "csv"] as const;
export type FeedFormat = (typeof feedFormats)[number];

/** An empty parameter (`?commune=`, as a form leaves it) counts as absent. */
const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const optionalParam = (label: string, pattern: RegExp, expected: string) =>
  blankAsAbsent(
    z
      .string({ error: `${label} : une seule valeur est possible.` })
      .trim()
      .regex(pattern, { error: `${label} : ${expected}.` }),
  );

/**
 * Filters from a query string (`?commune=47001&theme=screens`): a commune by its INSEE code, an
 * intercommunalité by its SIREN, a theme by its code. Unknown parameters (utm_source…) are ignored.
 */
export const feedFilters = z.object({
  commune: optionalParam("commune", /^(\d{5}|2[AB]\d{3})$/, "attendu le code INSEE de la commune, 5 caractères (par ex. 47001)"),
  epci: optionalParam("epci", /^\d{9}$/, "attendu le numéro SIREN de l'intercommunalité, 9 chiffres (par ex. 200035459)"),
  theme: blankAsAbsent(workshopThemes.choice(`theme : thème inconnu ; valeurs possibles : ${workshopThemes.values.join(", ")}.`)),
});
export type FeedFilters = z.infer<typeof feedFilters>;

/** One session as the feeds publish it. */
export const feedSessionView = z.object({
  id: z.uuid(),
  /** The iCalendar UID: the same for the session's whole life, so calendars update it in place. */
  uid: z.string(),
  title: z.string(),
  theme: workshopThemes.schema,
  themeLabel: z.string(),
  description: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  durationMinutes: z.number().int(),
  status: sessionStatuses.schema,
  statusLabel: z.string(),
  /** Null once cancelled. */
  seatsLeft: z.number().int().nullable(),
  capacity: z.number().int(),
  place: z.object({
    name: z.string(),
    address: z.string(),
    postalCode: z.string(),
    communeInsee: z.string(),
    communeName: z.string(),
    epciCode: z.string().nullable(),
  }),
  /** The session's page on the portal, where parents book. */
  url: z.string(),
  updatedAt: z.date(),
});
export type FeedSessionView = z.infer<typeof feedSessionView>;

/** The UID of a public session in calendars (collège sessions have their own, `seance-college-…`). */
export const feedSessionUid = (sessionId: string) => `seance-${sessionId}@medianum`;

/** CSV columns, in French for whoever opens the file in a spreadsheet. */
export const FEED_CSV_COLUMNS = [
  "Identifiant",
  "Atelier",
  "Thème",
  "Début",
  "Fin",
  "Durée (min)",
  "Statut",
  "Places restantes",
  "Lieu",
  "Adresse",
  "Code postal",
  "Commune",
  "Code INSEE",
  "SIREN intercommunalité",
  "Lien d'inscription",
] as const;
