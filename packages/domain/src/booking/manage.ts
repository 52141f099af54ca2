import { z } from "zod";
import { MAX_SEATS_PER_BOOKING, registrationStatuses } from "./registration.js";
import { publicSessionView } from "./views.js";

// The manage link: a parent sees, cancels or reduces one registration with the token of the link.

/** Default delay before the session after which a parent can no longer cancel online (CANCELLATION_DEADLINE_HOURS). */
export const DEFAULT_CANCELLATION_DEADLINE_HOURS = 4;

/** The token is 256 random bits in base64url (43 characters); anything else is refused before a lookup. */
export const manageTokenSchema = z.string({ error: "Lien invalide." }).regex(/^[A-Za-z0-9_-]{32,128}$/, { error: "Lien invalide." });

export const manageLookupInput = z.object({ token: manageTokenSchema });
export const manageCancelInput = z.object({ token: manageTokenSchema });
export const manageReduceInput = z.object({
  token: manageTokenSchema,
  seats: z
    .number({ error: "Indiquez le nombre de places." })
    .int()
    .min(1, { error: "Au moins une place : pour ne plus venir du tout, annulez l'inscription." })
    .max(MAX_SEATS_PER_BOOKING - 1, { error: "Vous pouvez seulement réduire le nombre de places." }),
});

export const manageRegistrationView = z.object({
  status: registrationStatuses.schema,
  seats: z.number().int(),
  firstName: z.string(),
  /** Shown masked so that a forwarded link reveals little: "n•••@exemple.fr". */
  contact: z.string(),
  session: publicSessionView.extend({ status: z.string() }),
  /** Until when the parent can still cancel or reduce online. */
  changeDeadline: z.date(),
  canChange: z.boolean(),
});
export type ManageRegistrationView = z.infer<typeof manageRegistrationView>;

/** Last instant a parent may cancel or reduce online: `deadlineHours` before the start. */
export function changeDeadline(startsAt: Date, deadlineHours: number): Date {
  return new Date(startsAt.getTime() - deadlineHours * 3_600_000);
}

export function canChangeRegistration(
  r: { status: string; startsAt: Date; sessionStatus: string },
  now: Date,
  deadlineHours: number,
): boolean {
  if (r.sessionStatus !== "scheduled") return false;
  if (r.status !== "confirmed" && r.status !== "waitlisted") return false;
  return now.getTime() <= changeDeadline(r.startsAt, deadlineHours).getTime();
}

/** "nadia@exemple.fr" → "n•••@exemple.fr", "0612345678" → "06 •• •• •• 78". */
export function maskContact(email: string | null, phone: string | null): string {
  if (email) {
    const [local = "", domain = ""] = email.split("@");
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  if (phone) return `${phone.slice(0, 2)} •• •• •• ${phone.slice(-2)}`;
  return "";
}
