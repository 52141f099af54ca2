import type { RegistrationStatus } from "./registration.js";
import { countOf, pluralWord } from "../shared/plural.js";

// Seat rules, kept free of zod so the portal's first page can use them within its size budget.

/** Statuses whose seats count against the capacity. */
export const SEAT_HOLDING_STATUSES: readonly RegistrationStatus[] = ["confirmed", "attended", "no_show"];

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
  return countOf(left, "place restante", "places restantes");
}


/** "Votre place est réservée." for one seat, "Vos 2 places sont réservées." for more. */
export function seatsReservedText(seats: number): string {
  return pluralWord(seats, "Votre place est réservée.", `Vos ${countOf(seats, "place")} sont réservées.`);
}

/** Who gets a family's seats when it gives them up: "votre place ira…" or "vos places iront…". */
export function seatsFreedText(seats: number, one: string, other: string): string {
  return pluralWord(seats, `votre place ${one}`, `vos places ${other}`);
}

/** What the catalogue says about seats: "3 places restantes", or that the waitlist is open when full. */
export function availabilityLabel(left: number): string {
  return left <= 0 ? "Complet — liste d'attente ouverte" : seatsLeftLabel(left);
}
