import { z } from "zod";
import { audiences, workshopThemes } from "../workshop/workshop.js";
import { instantSchema, searchText } from "../shared/schemas.js";
import { registrationStatuses } from "./registration.js";
import { territorialProximities } from "../territory/proximity.js";

// Shapes the API returns for booking; the portal reads them, the API validates its output with them.

export const publicPlaceView = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  communeName: z.string(),
});

export const publicSessionView = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  title: z.string(),
  theme: workshopThemes.schema,
  description: z.string(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  place: publicPlaceView,
  /** Straight-line km from the commune the parent chose (`near`); null without one or without positions. */
  distanceKm: z.number().nullable(),
  /** When the chosen commune has no known centre: the administrative tie it shares with the session's commune. */
  proximity: territorialProximities.schema.nullable(),
  /** How near, in the card's words (« à 12 km », « Dans votre intercommunalité »): said by the server so the first page carries no list of labels. */
  nearLabel: z.string().nullable(),
});
export type PublicSessionView = z.infer<typeof publicSessionView>;

export const publicSessionDetailView = publicSessionView.extend({
  audience: audiences.schema,
  whatToBring: z.string().nullable(),
  accessInfo: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Settings stated on the form: how long data is kept, until when a parent may cancel online. */
  retentionMonths: z.number().int(),
  cancellationDeadlineHours: z.number().int(),
});
export type PublicSessionDetailView = z.infer<typeof publicSessionDetailView>;

export const bookingResultView = z.object({
  registrationId: z.uuid(),
  status: registrationStatuses.schema.extract(["confirmed", "waitlisted"]),
  seats: z.number().int(),
  /** Secret of the manage link; shown once, stored hashed. */
  manageToken: z.string(),
  session: publicSessionView,
});
export type BookingResultView = z.infer<typeof bookingResultView>;

export const sessionFilters = z.object({
  communeInsee: searchText("Commune", 10),
  epciCode: searchText("Intercommunalité", 20),
  theme: workshopThemes.schema.optional(),
  from: instantSchema("Du").optional(),
  to: instantSchema("Au").optional(),
  /** INSEE code of any commune of the département: every session, nearest first from its centre. */
  near: searchText("Commune", 10),
});
export type SessionFilters = z.infer<typeof sessionFilters>;

/** Every commune of the département, for the « Où ? » search of the catalogue. */
export const catalogueCommunes = z.array(z.object({ inseeCode: z.string(), name: z.string(), postalCode: z.string().nullable() }));

/** Communes and EPCIs that have upcoming public sessions, to fill the catalogue's filters. */
export const catalogueFilterOptions = z.object({
  communes: z.array(z.object({ inseeCode: z.string(), name: z.string(), epciCode: z.string().nullable() })),
  epcis: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type CatalogueFilterOptions = z.infer<typeof catalogueFilterOptions>;
