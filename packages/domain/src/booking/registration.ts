import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { emailSchema, optionalText, phoneSchema, requiredText, uuidSchema } from "../shared/schemas.js";

export const registrationStatuses = valueList([
  { value: "confirmed", label: "Confirmée" },
  { value: "waitlisted", label: "Liste d'attente" },
  { value: "cancelled", label: "Annulée" },
  { value: "attended", label: "Présent(e)" },
  { value: "no_show", label: "Absent(e)" },
]);
export type RegistrationStatus = ValueOf<typeof registrationStatuses>;

/** How a registration came in: the portal, staff (phone, counter) or a walk-in on the day. */
export const registrationSources = valueList([
  { value: "portal", label: "Portail" },
  { value: "staff", label: "Équipe" },
  { value: "walk_in", label: "Sur place" },
]);
export type RegistrationSource = ValueOf<typeof registrationSources>;

export const MAX_SEATS_PER_BOOKING = 4;

/** How long registrants' personal data is kept after the session (stated on the form). */
export const REGISTRATION_RETENTION_MONTHS = 6;

/** The booking form's fields, without the cross-field rule (reused by the staff form). */
export const bookingFields = z.object({
    sessionId: uuidSchema,
    firstName: requiredText("Prénom", 100),
    lastName: requiredText("Nom", 100),
    email: z.union([z.literal(""), emailSchema]).optional(),
    phone: z.union([z.literal(""), phoneSchema]).optional(),
    seats: z
      .number({ error: "Indiquez le nombre de places." })
      .int()
      .min(1, { error: "Au moins une place." })
      .max(MAX_SEATS_PER_BOOKING, { error: `${MAX_SEATS_PER_BOOKING} places au maximum par inscription.` }),
    need: optionalText("Votre besoin", 1000, { multiline: true }),
    consent: z.literal(true, { error: "Merci d'accepter l'utilisation de vos données pour cette inscription." }),
    acceptWaitlist: z.boolean().default(false),
    /** Honeypot: hidden from people, filled by bots. */
    website: z.string().max(0, { error: "Formulaire invalide." }).optional(),
  });

export const CONTACT_REQUIRED_MESSAGE = "Indiquez une adresse e-mail ou un numéro de téléphone pour que nous puissions vous prévenir.";

export const bookingInput = bookingFields.refine((b) => !!b.email || !!b.phone, {
  error: CONTACT_REQUIRED_MESSAGE,
  path: ["email"],
});
export type BookingInput = z.input<typeof bookingInput>;
