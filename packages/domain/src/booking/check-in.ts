import { instantToParisDay, parisToday } from "../shared/clock.js";
import { formatDateTime, formatTime } from "../shared/dates.js";
import type { Refusal } from "../shared/refusal.js";

/**
 * Check-in opens this long before the start (the counsellor prepares the room), counted in real
 * time: on a daylight-saving night the wall clock may show 1 or 3 hours between the two. It never
 * closes: a sheet ticked offline on the day may reach the server days later.
 */
export const CHECK_IN_OPENS_BEFORE_MINUTES = 120;

/** The instant from which a session's attendance can be taken. */
export function checkInOpensAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MINUTES * 60_000);
}

export const CHECK_IN_TOO_EARLY = "Le pointage ouvre 2 heures avant le début de la séance.";
export const CHECK_IN_CANCELLED = "Cette séance est annulée : pas de pointage possible.";

/** Whether attendance can be taken now for a session (a mark or a walk-in); null when it can. */
export function checkInRefusal(session: { startsAt: Date; status: string }, now: Date): Refusal | null {
  if (session.status === "cancelled") return { message: CHECK_IN_CANCELLED };
  if (now.getTime() < checkInOpensAt(session.startsAt).getTime()) return { message: CHECK_IN_TOO_EARLY };
  return null;
}

/** Whether a registration of the sheet can be marked present or absent; null when it can. */
export function markRefusal(registration: { status: string } | null | undefined): Refusal | null {
  if (!registration) return { message: "Cette inscription ne fait pas partie de la séance." };
  if (registration.status === "cancelled") return { message: "Cette inscription a été annulée." };
  return null;
}

/**
 * When check-in opens, in plain French, for a session whose check-in is not open yet:
 * "Pointage possible à partir de 12:30" the same day, "… à partir du mardi 3 décembre 2026 à 12:30" otherwise.
 */
export function checkInOpensText(startsAt: Date, now: Date): string {
  const opens = checkInOpensAt(startsAt);
  return instantToParisDay(opens) === parisToday(now)
    ? `Pointage possible à partir de ${formatTime(opens)}.`
    : `Pointage possible à partir du ${formatDateTime(opens)}.`;
}
