import type { PrismaClient } from "@medianum/db";
import { bookingContact, contactSeatsRefusal, decideBooking, decideContactSeats, formatDateTime, instantToParisDay, registrationSources, registrationStatuses, type RegistrationStatus } from "@medianum/domain";
import { stringify } from "csv-stringify/sync";
import { SEAT_TX_OPTIONS } from "../booking/book.js";
import { lockSessions, promoteWaitlist, seatsTakenAndHeldBy } from "../booking/capacity.js";
import { mailSessionInclude, queueBookingEmail } from "../booking/emails.js";
import type { ApiConfig } from "../shared/config.js";
import { csvOptions } from "../shared/csv.js";
import { UserFacingError } from "../shared/errors.js";

type Config = Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">;

/** Staff cancel a registration (a parent called); freed seats go to the waitlist. */
export async function staffCancelRegistration(prisma: PrismaClient, config: Config, registrationId: string, notify: boolean, now: Date) {
  const first = await prisma.registration.findUnique({ where: { id: registrationId }, select: { sessionId: true } });
  if (!first) throw new UserFacingError("NOT_FOUND", "Cette inscription est introuvable.");
  return prisma.$transaction(async (tx) => {
    await lockSessions(tx, [first.sessionId]);
    const r = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, include: { session: { include: mailSessionInclude } } });
    if (r.status === "cancelled") throw new UserFacingError("CONFLICT", "Cette inscription est déjà annulée.");
    let sequence = r.icsSequence;
    if (notify) sequence = await queueBookingEmail(tx, config, "cancelled_by_staff", r, r.session, now);
    await tx.registration.update({ where: { id: r.id }, data: { status: "cancelled", cancelledAt: now, icsSequence: sequence } });
    const promoted = await promoteWaitlist(tx, r.sessionId, config, now);
    return { promoted: promoted.length, sessionId: r.sessionId };
  }, SEAT_TX_OPTIONS);
}

/**
 * Moves a registration to another session of the same or another workshop, all or nothing:
 * its seats must fit there (a waitlisted one stays waitlisted at the end of that waitlist).
 * Seats freed in the old session go to its waitlist. Both sessions are locked in id order.
 */
export async function moveRegistration(prisma: PrismaClient, config: Config, registrationId: string, toSessionId: string, now: Date) {
  const first = await prisma.registration.findUnique({ where: { id: registrationId }, select: { sessionId: true } });
  if (!first) throw new UserFacingError("NOT_FOUND", "Cette inscription est introuvable.");
  if (first.sessionId === toSessionId) throw new UserFacingError("BAD_REQUEST", "L'inscription est déjà sur cette séance.", { field: "toSessionId" });
  return prisma.$transaction(async (tx) => {
    await lockSessions(tx, [first.sessionId, toSessionId]);
    const r = await tx.registration.findUniqueOrThrow({ where: { id: registrationId } });
    if (r.status !== "confirmed" && r.status !== "waitlisted") throw new UserFacingError("CONFLICT", "Seule une inscription confirmée ou en liste d'attente peut être déplacée.");
    const target = await tx.workshopSession.findUniqueOrThrow({ where: { id: toSessionId }, include: mailSessionInclude });
    if (target.status !== "scheduled" || target.startsAt <= now) throw new UserFacingError("CONFLICT", "La séance choisie n'accepte plus d'inscriptions.");
    const { taken, held } = await seatsTakenAndHeldBy(tx, toSessionId, bookingContact(r));
    const share = decideContactSeats(held, r.seats);
    if (!share.ok) throw new UserFacingError("CONFLICT", contactSeatsRefusal(share, "staff"), { field: "toSessionId" });
    const decision = decideBooking({ capacity: target.capacity, seatsTaken: taken, seatsRequested: r.seats, acceptWaitlist: r.status === "waitlisted" });
    if (decision === "refused") throw new UserFacingError("CONFLICT", "Il n'y a pas assez de places libres dans la séance choisie.", { field: "toSessionId" });
    // A new arrival number: the registration joins the end of the new session's order.
    await tx.registration.delete({ where: { id: r.id } });
    const { arrival: _old, ...rest } = r;
    void _old;
    const moved = await tx.registration.create({ data: { ...rest, sessionId: toSessionId, status: decision, promotedAt: null, updatedAt: now } });
    const sequence = await queueBookingEmail(tx, config, "moved", moved, target, now);
    await tx.registration.update({ where: { id: moved.id }, data: { icsSequence: sequence } });
    const promoted = await promoteWaitlist(tx, r.sessionId, config, now);
    return { status: decision, promoted: promoted.length };
  }, SEAT_TX_OPTIONS);
}

/** Registrations of a session as CSV (the product's CSV options: opens as-is in Excel, no cell read as a formula). */
export async function exportRegistrationsCsv(prisma: PrismaClient, sessionId: string): Promise<{ filename: string; csv: string }> {
  const s = await prisma.workshopSession.findUnique({ where: { id: sessionId }, include: { workshop: { select: { title: true } } } });
  if (!s) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
  const regs = await prisma.registration.findMany({ where: { sessionId }, orderBy: { arrival: "asc" } });
  const rows = regs.map((r) => [
    r.lastName,
    r.firstName,
    r.email ?? "",
    r.phone ?? "",
    r.seats,
    registrationStatuses.has(r.status) ? registrationStatuses.label(r.status as RegistrationStatus) : r.status,
    r.need ?? "",
    formatDateTime(r.createdAt),
    registrationSources.has(r.source) ? registrationSources.label(r.source) : r.source,
  ]);
  const csv = stringify(rows, csvOptions(["Nom", "Prénom", "E-mail", "Téléphone", "Places", "Statut", "Besoin", "Inscrit le", "Origine"]));
  // The session's Paris day: a 00:30 session is not named after the day before.
  const day = instantToParisDay(s.startsAt);
  return { filename: `inscriptions-${day}-${s.workshop.title.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.csv`, csv };
}
