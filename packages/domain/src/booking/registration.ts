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

/** Statuses whose seats count against the capacity. */
export const SEAT_HOLDING_STATUSES: readonly RegistrationStatus[] = ["confirmed", "attended", "no_show"];

export const MAX_SEATS_PER_BOOKING = 4;

/** How long registrants' personal data is kept after the session (stated on the form). */
export const REGISTRATION_RETENTION_MONTHS = 6;

export function seatsLeft(capacity: number, seatsTaken: number): number {
  return Math.max(0, capacity - seatsTaken);
}

export type BookingDecision = "confirmed" | "waitlisted" | "refused";

/**
 * Book-or-waitlist decision for one booking, taken while the session's capacity is locked.
 * A multi-seat booking is all-or-nothing: 3 seats asked with 2 left is never split.
 */
export function decideBooking(input: {
  capacity: number;
  seatsTaken: number;
  seatsRequested: number;
  /** The parent chose to join the waitlist if the session cannot take them. */
  acceptWaitlist: boolean;
}): BookingDecision {
  if (!Number.isInteger(input.seatsRequested) || input.seatsRequested < 1) throw new RangeError("seatsRequested must be ≥ 1");
  if (input.seatsRequested <= seatsLeft(input.capacity, input.seatsTaken)) return "confirmed";
  return input.acceptWaitlist ? "waitlisted" : "refused";
}

/**
 * Which waitlisted registrations to promote when seats free up: in arrival order, each one that
 * still fits in what is left (a family of 3 does not block a single parent behind it).
 */
export function registrationsToPromote<T extends { seats: number }>(waitlist: readonly T[], freeSeats: number): T[] {
  const promoted: T[] = [];
  let left = freeSeats;
  for (const r of waitlist) {
    if (r.seats <= left) {
      promoted.push(r);
      left -= r.seats;
    }
    if (left === 0) break;
  }
  return promoted;
}

/** "3 places restantes", "1 place restante", "Complet". */
export function seatsLeftLabel(left: number): string {
  if (left <= 0) return "Complet";
  return left === 1 ? "1 place restante" : `${left} places restantes`;
}

export const bookingInput = z
  .object({
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
    need: optionalText("Votre besoin", 1000),
    consent: z.literal(true, { error: "Merci d'accepter l'utilisation de vos données pour cette inscription." }),
    acceptWaitlist: z.boolean().default(false),
    /** Honeypot: hidden from people, filled by bots. */
    website: z.string().max(0, { error: "Formulaire invalide." }).optional(),
  })
  .refine((b) => !!b.email || !!b.phone, {
    error: "Indiquez une adresse e-mail ou un numéro de téléphone pour que nous puissions vous prévenir.",
    path: ["email"],
  });
export type BookingInput = z.input<typeof bookingInput>;
