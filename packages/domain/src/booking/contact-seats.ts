import type { RegistrationStatus } from "./registration.js";

// One family, one fair share: seats are limited per contact (e-mail or phone) and per session,
// so that nobody can hold a session's seats with a series of 4-seat bookings. Kept free of zod
// (the portal's first page may use it within its size budget).

/** Seats one e-mail address or one phone number may hold in one session, all its registrations together. */
export const MAX_SEATS_PER_CONTACT = 4;

/**
 * Registrations that hold seats for their contact: every one not cancelled (the waitlist too).
 * The API sums them in SQL for the registrations sharing the booking's e-mail (any case) or
 * phone (normalised as below), under the session's lock.
 */
export const CONTACT_SEAT_STATUSES: readonly RegistrationStatus[] = ["confirmed", "waitlisted", "attended", "no_show"];

/** E-mail addresses are compared without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** French numbers compared as the booking form stores them: "+33 6 12-34.56.78" → "0612345678". */
export function normalisePhone(phone: string): string {
  return phone.trim().replace(/[\s.-]/g, "").replace(/^\+33/, "0");
}

/** The contact of a new booking, normalised; null for a field left empty. */
export function bookingContact(c: { email?: string | null | undefined; phone?: string | null | undefined }): { email: string | null; phone: string | null } {
  const email = c.email ? normaliseEmail(c.email) : "";
  const phone = c.phone ? normalisePhone(c.phone) : "";
  return { email: email || null, phone: phone || null };
}

export type ContactSeatsDecision = { ok: true } | { ok: false; held: number; stillAllowed: number };

/** Whether `requested` more seats fit in the contact's share of a session. */
export function decideContactSeats(held: number, requested: number): ContactSeatsDecision {
  if (held + requested <= MAX_SEATS_PER_CONTACT) return { ok: true };
  return { ok: false, held, stillAllowed: Math.max(0, MAX_SEATS_PER_CONTACT - held) };
}

const places = (n: number) => (n > 1 ? `${n} places` : `${n} place`);

/**
 * Why a booking is refused, for the person who typed the contact: how many seats it holds in this
 * session and where to manage them (the link « Gérer mon inscription »). Nothing about anyone
 * else's registration. Staff get the same facts worded for them.
 */
export function contactSeatsRefusal(d: { held: number; stillAllowed: number }, audience: "parent" | "staff"): string {
  if (audience === "staff") {
    return d.stillAllowed > 0
      ? `Ce contact (e-mail ou téléphone) a déjà ${places(d.held)} pour cette séance, ${MAX_SEATS_PER_CONTACT} au maximum par personne : ${places(d.stillAllowed)} de plus au plus. Modifiez plutôt son inscription existante.`
      : `Ce contact (e-mail ou téléphone) a déjà ${places(d.held)} pour cette séance, le maximum par personne. Modifiez plutôt son inscription existante.`;
  }
  const manage =
    "Pour changer le nombre de places ou annuler, utilisez le lien « Gérer mon inscription » reçu lors de votre inscription (dans l'e-mail de confirmation si vous avez donné une adresse e-mail).";
  return d.stillAllowed > 0
    ? `Vous avez déjà ${places(d.held)} pour cette séance avec cette adresse e-mail ou ce numéro de téléphone, et ${MAX_SEATS_PER_CONTACT} au maximum par personne : vous pouvez en demander ${d.stillAllowed} de plus. ${manage}`
    : `Vous avez déjà ${places(d.held)} pour cette séance avec cette adresse e-mail ou ce numéro de téléphone : c'est le maximum (${MAX_SEATS_PER_CONTACT} par personne). ${manage}`;
}
